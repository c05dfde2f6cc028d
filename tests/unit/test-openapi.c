/*
 * test-openapi: the OpenAPI description (src/api/openapi.json, built into
 * the binary) against the code. Every /api route of the route table is
 * described with its method, every described path and method is a route,
 * and the vocabulary the description spells out — error codes, paging
 * limits, text limits, reason and kind codes, tiers — is the code's own.
 */
#include "check-util.h"
#include "http/route.h"
#include "lib/assets.h"
#include "lib/err.h"
#include "api/api.h"
#include "domain/validate.h"
#include "domain/commitment.h"
#include "domain/reasons.h"
#include "domain/tiers.h"
#include "domain/excuses.h"
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

static json_t *doc;

static void load(void)
{
	const struct asset *a = asset_find("api/openapi.json");
	ck_assert_msg(a != NULL, "api/openapi.json is not built in");
	json_error_t je;
	doc = json_loadb((const char *)a->data, a->len, 0, &je);
	ck_assert_msg(doc != NULL, "openapi.json line %d: %s", je.line, je.text);
}

static void unload(void)
{
	json_decref(doc);
	doc = NULL;
}

/* "/api/v1/deals/:id" -> "/api/v1/deals/{id}" */
static void openapi_path(const char *pattern, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = pattern; *p && n + 2 < size; p++) {
		if (*p == ':' && (p == pattern || p[-1] == '/')) {
			out[n++] = '{';
			while (p[1] && p[1] != '/' && n + 2 < size)
				out[n++] = *++p;
			out[n++] = '}';
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
}

static void lower(const char *s, char *out, size_t size)
{
	size_t n = 0;
	for (; *s && n + 1 < size; s++)
		out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

START_TEST(every_api_route_is_described)
{
	load();
	json_t *paths = json_object_get(doc, "paths");
	ck_assert_ptr_nonnull(paths);
	size_t n = 0;
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *rt = &routes[i];
		if (strncmp(rt->pattern, "/api/", 5))
			continue;
		char p[256], m[16];
		openapi_path(rt->pattern, p, sizeof(p));
		lower(rt->method, m, sizeof(m));
		json_t *item = json_object_get(paths, p);
		ck_assert_msg(item, "route %s %s: no path %s in openapi.json", rt->method, rt->pattern, p);
		ck_assert_msg(json_object_get(item, m), "route %s %s: path %s has no '%s'", rt->method,
			      rt->pattern, p, m);
		n++;
	}
	ck_assert_uint_gt(n, 10);
	unload();
}
END_TEST

START_TEST(every_description_is_a_route)
{
	load();
	json_t *paths = json_object_get(doc, "paths");
	const char *p;
	json_t *item;
	static const char *const methods[] = { "get", "post", "put", "patch", "delete" };
	json_object_foreach(paths, p, item) {
		int any = 0;
		for (size_t k = 0; k < N_ELEMS(methods); k++) {
			if (!json_object_get(item, methods[k]))
				continue;
			any = 1;
			int found = 0;
			for (size_t i = 0; i < routes_count && !found; i++) {
				char rp[256], m[16];
				openapi_path(routes[i].pattern, rp, sizeof(rp));
				lower(routes[i].method, m, sizeof(m));
				found = !strcmp(rp, p) && !strcmp(m, methods[k]);
			}
			ck_assert_msg(found, "openapi.json describes %s %s, which is no route", methods[k], p);
		}
		ck_assert_msg(any, "openapi.json: path %s has no operation", p);
	}
	unload();
}
END_TEST

/* the value at a slash-separated path of object keys (no escaping needed here) */
static json_t *at(const char *path)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", path);
	json_t *v = doc;
	for (char *save = NULL, *k = strtok_r(buf, "/", &save); k && v; k = strtok_r(NULL, "/", &save))
		v = json_object_get(v, k);
	ck_assert_msg(v != NULL, "openapi.json has no %s", path);
	return v;
}

static void int_is(const char *path, long long want)
{
	json_t *v = at(path);
	ck_assert_msg(json_is_integer(v) && json_integer_value(v) == want, "%s: %lld in openapi.json, %lld in the code",
		      path, json_is_integer(v) ? (long long)json_integer_value(v) : -1LL, want);
}

/* the enum at path is exactly codes (a trailing null allowed when nullable) */
static void enum_is(const char *path, const char *const *codes, size_t n)
{
	json_t *e = at(path);
	ck_assert_msg(json_is_array(e), "%s is not an array", path);
	size_t len = json_array_size(e);
	if (len && json_is_null(json_array_get(e, len - 1)))
		len--;
	ck_assert_msg(len == n, "%s: %zu values in openapi.json, %zu in the code", path, len, n);
	for (size_t i = 0; i < n; i++)
		ck_str(json_string_value(json_array_get(e, i)), codes[i], path);
}

START_TEST(vocabulary_is_the_codes)
{
	load();
	const char *errs[E_THROTTLED];
	for (int e = E_INVALID; e <= E_THROTTLED; e++)
		errs[e - 1] = err_name((enum err)e);
	enum_is("components/schemas/Error/properties/error/enum", errs, N_ELEMS(errs));
	int_is("components/parameters/Limit/schema/maximum", API_LIMIT_MAX);
	int_is("components/parameters/Limit/schema/default", API_LIMIT_DEFAULT);
	enum_is("components/schemas/NewConversation/properties/kind/enum", conv_kind_codes, conv_kind_count);
	enum_is("components/schemas/Conversation/properties/kind/enum", conv_kind_codes, conv_kind_count);
	enum_is("components/schemas/NewConversation/properties/outcome/enum", outcome_codes, outcome_count);
	/* the reasons are the organisation's one list (GET /api/v1/reasons), not a fixed enum */
	int_is("components/schemas/NewReason/properties/label/maxLength", REASON_LABEL_MAX);
	int_is("components/schemas/ReasonPatch/properties/label/maxLength", REASON_LABEL_MAX);
	const char *tiers[] = { tier_code(TIER_SUPERSTAR), tier_code(TIER_CORE), tier_code(TIER_AT_RISK),
				tier_code(TIER_UNDER), tier_code(TIER_NONE) };
	enum_is("components/schemas/TierRow/properties/tier/enum", tiers, N_ELEMS(tiers));
	const char *verdicts[] = { excuse_verdict_code(VERDICT_NONE), excuse_verdict_code(VERDICT_TOO_SMALL),
				   excuse_verdict_code(VERDICT_SHARED), excuse_verdict_code(VERDICT_NOT_SHARED),
				   excuse_verdict_code(VERDICT_NO_REASON) };
	enum_is("components/schemas/ExcuseCheck/properties/products/items/properties/reasons/items/properties/verdict/enum",
		verdicts, N_ELEMS(verdicts));
	int_is("components/schemas/NewUser/properties/password/minLength", PASSWORD_MIN);
	int_is("components/schemas/NewUser/properties/password/maxLength", PASSWORD_MAX);
	int_is("components/schemas/NewUser/properties/name/maxLength", NAME_MAX_LEN);
	int_is("components/schemas/NewDeal/properties/title/maxLength", NAME_MAX_LEN);
	int_is("components/schemas/NewStage/properties/definition/maxLength", STAGE_TEXT_MAX);
	int_is("components/schemas/DealPatch/properties/lost_note/maxLength", DEAL_NOTE_MAX);
	int_is("components/schemas/NewConversation/properties/notes/maxLength", CONV_NOTES_MAX);
	int_is("components/schemas/ConversationPatch/properties/notes/maxLength", CONV_NOTES_MAX);
	int_is("components/schemas/NewConversation/properties/stop_note/maxLength", STOP_NOTE_MAX);
	int_is("components/schemas/NewStep/properties/what/maxLength", STEP_TEXT_MAX);
	int_is("components/schemas/NewStep/properties/who/maxLength", STEP_TEXT_MAX);
	unload();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("openapi");
	TCase *tc = tcase_create("description");
	tcase_add_test(tc, every_api_route_is_described);
	tcase_add_test(tc, every_description_is_a_route);
	tcase_add_test(tc, vocabulary_is_the_codes);
	suite_add_tcase(s, tc);
	return run_suite(s);
}

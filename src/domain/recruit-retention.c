/* recruit-retention: see recruit-retention.h. */
#include "recruit-retention.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

int candidate_retention_due(const char *retain_until, const char *anonymised_at, const char *today)
{
	if (anonymised_at && *anonymised_at)
		return 0;
	if (!retain_until || !today || !date_valid(retain_until) || !date_valid(today))
		return 0;
	return strcmp(retain_until, today) < 0;
}

const char *const candidate_anonymised_fields[] = { "email", "phone", "job_title", "company", "tags", "notes" };
const size_t candidate_anonymised_field_count = sizeof(candidate_anonymised_fields) / sizeof(candidate_anonymised_fields[0]);

void candidate_anonymised_name(int64_t id, char *out, size_t size)
{
	snprintf(out, size, "Anonymised candidate #%lld", (long long)id);
}

/* ordering: see ordering.h. */
#include "ordering.h"

/* one statement per list: the table is chosen here, never from input */
static const char *const set_position[] = {
	[ORDERED_STAGES] = "UPDATE stages SET position = $3 WHERE org_id = $1 AND id = $2",
	[ORDERED_REASONS] = "UPDATE reasons SET position = $3 WHERE org_id = $1 AND id = $2",
	[ORDERED_TRAITS] = "UPDATE traits SET position = $3 WHERE org_id = $1 AND id = $2",
	[ORDERED_SUBSKILLS] = "UPDATE subskills SET position = $3 WHERE org_id = $1 AND id = $2",
};

enum err order_move(struct db_conn *c, enum ordered_list list, int64_t org_id, const int64_t *ids,
		    const int *positions, size_t n, int64_t id, int dir)
{
	size_t at = n;
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			at = i;
	if (at == n)
		return E_NOTFOUND;
	size_t to = dir < 0 ? (at ? at - 1 : at) : (at + 1 < n ? at + 1 : at);
	if (to == at)
		return E_OK;	/* first or last already */
	enum err e = db_begin(c);
	if (e)
		return e;
	/* after the swap, place k holds the item that was at `from` */
	for (size_t k = 0; k < n && !e; k++) {
		size_t from = k == at ? to : k == to ? at : k;
		int64_t want = (int64_t)(k + 1) * 10;
		if (positions[from] != want)
			e = DBX(c, set_position[list], P_I(org_id), P_I(ids[from]), P_I(want));
	}
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

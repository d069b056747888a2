/*
 * Tracing a circuit end through NetBox's cables (IMPORT.md §6.3): from a
 * termination over its cable to the far side, through front and rear
 * ports of patch panels carrying the rear port position, to an interface
 * (reached), another circuit, anything else, a missing object or 32 hops.
 * In a live fetch a missing object is recorded as needed instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nb_int.h"

#define NB_MAX_HOPS 32

/* The object ep/id, or NULL with e set (needed live, else lost). */
static json_t *lookup(struct nb_store *s, enum nb_ep ep, json_int_t id,
		      struct nb_end *e, struct nb_need *need)
{
	json_t *o = id > 0 ? nb_get(s, ep, id) : NULL;
	if (o)
		return o;
	char key[32];
	snprintf(key, sizeof(key), "%lld", (long long)id);
	if (need && id > 0 && !json_object_get(need->asked[ep], key)) {
		json_object_set_new(need->ids[ep], key, json_true());
		e->kind = NB_NEED;
		return NULL;
	}
	e->kind = NB_LOST;
	e->why = nsp_xasprintf("%s %s is not in the responses (%s)",
			       nb_eps[ep].name, id > 0 ? key : "?",
			       nb_eps[ep].name);
	return NULL;
}

/* The front port naming rear port rear at position pos, or NULL. */
static json_t *front_of(struct nb_store *s, json_int_t rear, json_int_t pos)
{
	json_t *idx = s->front_by_rear;
	size_t have = (size_t)json_integer_value(json_object_get(idx,
								 "\x01n"));
	if (have != json_object_size(s->objs[NB_FRONT])) {
		json_object_clear(idx);
		const char *k;
		json_t *fp;
		json_object_foreach(s->objs[NB_FRONT], k, fp) {
			json_int_t r = nb_id(json_object_get(fp, "rear_port"));
			json_t *p = json_object_get(fp, "rear_port_position");
			char key[48];
			snprintf(key, sizeof(key), "%lld:%lld", (long long)r,
				 (long long)(json_is_integer(p) ?
					     json_integer_value(p) : 1));
			if (!json_object_get(idx, key))
				json_object_set(idx, key, fp);
		}
		json_object_set_new(idx, "\x01n", json_integer((json_int_t)
			json_object_size(s->objs[NB_FRONT])));
	}
	char key[48];
	snprintf(key, sizeof(key), "%lld:%lld", (long long)rear,
		 (long long)pos);
	return json_object_get(idx, key);
}

/* A short name of a NetBox object for messages: display, else name. */
static const char *shown(json_t *o)
{
	const char *s = json_string_value(json_object_get(o, "display"));
	if (!s)
		s = json_string_value(json_object_get(o, "name"));
	return s ? s : "?";
}

/* The far-side terminations of cable c seen from end ("A" or "B"). */
static json_t *far_side(json_t *c, const char *end)
{
	return json_object_get(c, end && !strcmp(end, "B") ?
				   "a_terminations" : "b_terminations");
}

/* The far-side entry with the smallest object_id (§6.3). */
static json_t *first_by_id(json_t *side)
{
	json_t *best = NULL, *t;
	size_t i;
	json_array_foreach(side, i, t) {
		json_int_t id = nb_id(json_object_get(t, "object_id"));
		if (id > 0 && (!best || id < nb_id(json_object_get(
						best, "object_id"))))
			best = t;
	}
	return best;
}

void nb_trace(struct nb_store *s, json_t *term, struct nb_end *e,
	      struct nb_need *need)
{
	memset(e, 0, sizeof(*e));
	e->cables = json_array();
	json_t *cur = term;
	json_int_t pos = 0; /* the position a front port carried, 0: none */
	for (int hop = 0; hop < NB_MAX_HOPS; hop++) {
		json_t *cref = json_object_get(cur, "cable");
		if (!json_is_object(cref)) {
			e->kind = hop ? NB_LOST : NB_NOCABLE;
			if (hop)
				e->why = nsp_xasprintf("the path ends at %s, "
						       "which has no cable",
						       shown(cur));
			return;
		}
		json_t *cable = lookup(s, NB_CABLES, nb_id(cref), e, need);
		if (!cable)
			return;
		json_array_append(e->cables, cable);
		const char *end = json_string_value(json_object_get(cur,
								    "cable_end"));
		json_t *side = far_side(cable, end);
		json_t *t = first_by_id(side);
		if (!t) {
			e->kind = NB_LOST;
			e->why = nsp_xasprintf("cable %lld has nothing on its "
					       "far side", (long long)nb_id(cable));
			return;
		}
		if (json_array_size(side) > 1 && !e->split)
			e->split = nsp_xasprintf("cable %lld splits into %zu "
						 "objects on its far side; "
						 "followed the first by id",
						 (long long)nb_id(cable),
						 json_array_size(side));
		const char *type = json_string_value(json_object_get(
			t, "object_type"));
		json_int_t oid = nb_id(json_object_get(t, "object_id"));
		if (!type)
			type = "?";
		if (!strcmp(type, "dcim.interface")) {
			json_t *i = lookup(s, NB_IFACES, oid, e, need);
			if (i) {
				e->kind = NB_REACHED;
				e->iface = i;
			}
			return;
		}
		if (!strcmp(type, "circuits.circuittermination")) {
			json_t *o = json_object_get(t, "object");
			json_t *c = json_object_get(o, "circuit");
			const char *cid = json_string_value(json_object_get(c,
									    "cid"));
			e->kind = NB_CIRCUIT;
			e->why = nsp_xasprintf("the path reaches circuit %s "
					       "(termination %lld), not a "
					       "device", cid ? cid : "?",
					       (long long)oid);
			return;
		}
		if (!strcmp(type, "dcim.frontport")) {
			json_t *fp = lookup(s, NB_FRONT, oid, e, need);
			if (!fp)
				return;
			json_t *p = json_object_get(fp, "rear_port_position");
			pos = json_is_integer(p) ? json_integer_value(p) : 1;
			cur = lookup(s, NB_REAR, nb_id(json_object_get(
						 fp, "rear_port")), e, need);
			if (!cur)
				return;
			continue;
		}
		if (!strcmp(type, "dcim.rearport")) {
			json_t *rp = lookup(s, NB_REAR, oid, e, need);
			if (!rp)
				return;
			json_t *np = json_object_get(rp, "positions");
			json_int_t n = json_is_integer(np) ?
					       json_integer_value(np) : 1;
			if (!pos && n > 1) {
				e->kind = NB_LOST;
				e->why = nsp_xasprintf("the path enters rear "
						       "port %s (%lld "
						       "positions) with no "
						       "position to follow",
						       shown(rp), (long long)n);
				return;
			}
			json_int_t want = pos ? pos : 1;
			json_t *fp = front_of(s, oid, want);
			if (!fp) {
				char key[32];
				snprintf(key, sizeof(key), "%lld",
					 (long long)oid);
				if (need && !json_object_get(need->rears_asked,
							     key)) {
					json_object_set_new(need->rears, key,
							    json_true());
					e->kind = NB_NEED;
					return;
				}
				e->kind = NB_LOST;
				e->why = nsp_xasprintf("no front port maps to "
						       "position %lld of rear "
						       "port %s", (long long)want,
						       shown(rp));
				return;
			}
			pos = 0;
			cur = fp;
			continue;
		}
		e->kind = NB_LOST;
		e->why = nsp_xasprintf("the path ends on a %s (%lld), not an "
				       "interface", type, (long long)oid);
		return;
	}
	e->kind = NB_LOST;
	e->why = nsp_xasprintf("the path is longer than %d cables (a loop?)",
			       NB_MAX_HOPS);
}

void nb_end_free(struct nb_end *e)
{
	json_decref(e->cables);
	free(e->why);
	free(e->split);
	memset(e, 0, sizeof(*e));
}

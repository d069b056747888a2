/*
 * Where the elements of a model come from. Each source fills one: the YAML
 * loader maps a JSON Pointer to file:line:col; an importer can map it to a
 * Terraform resource address or a NetBox object. The model knows no source
 * format: findings ask the locator, and freeing the model frees what the
 * source keeps alive for it (its tree, the strings the model borrows).
 */
#ifndef NSP_LOCATOR_H
#define NSP_LOCATOR_H

#include "diag.h"

struct nsp_locator_ops {
	/* The position of a JSON Pointer, as close as the source allows. */
	struct nsp_loc (*loc)(const void *data, const char *pointer);
	/* Just past the element loc finds; {0, 0} when unknown. */
	struct nsp_loc (*end)(const void *data, const char *pointer);
	/* Free data, and everything the source keeps alive for the model. */
	void (*free)(void *data);
	/*
	 * Optional: the file loc's position is in when a model comes from
	 * several (an imported design and its overlays), escaped, with its
	 * raw name in *raw; NULL: the model's own file.
	 */
	const char *(*file)(const void *data, const char *pointer,
			    const char **raw);
};

struct nsp_locator {
	const struct nsp_locator_ops *ops; /* NULL: nothing is located */
	void *data;
};

#endif

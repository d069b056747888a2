/* Helpers shared by the rules that read the failure analysis. */
#ifndef NSP_RULES_ANALYSIS_H
#define NSP_RULES_ANALYSIS_H

#include "div.h"

/* Whether a failure class is required (intent.survive). */
bool nsp_class_required(const struct nsp_model *m, enum nsp_class cls);
/* "router 'x1'", "PoP 'p1'", "shared-risk tag 'duct-1'" */
char *nsp_elem_label(const struct nsp_felem *e);
/* The JSON Pointer of a demand: its entry, or its site for a default one. */
char *nsp_demand_pointer(const struct nsp_model *m, const struct nsp_demand *d);
/* Mbit/s without needless decimals: "800", "333.3". */
char *nsp_mbps(double v);

#endif

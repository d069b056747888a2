/* Helpers shared by the rules that read the failure analysis. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>

bool nsp_class_required(const struct nsp_model *m, enum nsp_class cls)
{
	return (m->intent.survive & (1u << cls)) != 0;
}

char *nsp_elem_label(const struct nsp_felem *e)
{
	return nsp_class_label(e->cls, e->name);
}

char *nsp_demand_pointer(const struct nsp_model *m, const struct nsp_demand *d)
{
	(void)m;
	if (!d->implicit)
		return nsp_xasprintf("/demands/%zu", d->index);
	return nsp_xasprintf("/%s/%zu",
	                     d->from.kind == NSP_EP_SITE ? "sites" : "clouds",
	                     d->from.index);
}

char *nsp_mbps(double v)
{
	double r = round(v);
	if (fabs(v - r) < 0.05)
		return nsp_xasprintf("%.0f", r);
	return nsp_xasprintf("%.1f", v);
}

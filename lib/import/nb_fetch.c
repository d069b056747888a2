/* placeholder */
#include "nb_int.h"
int nsp_import_netbox_url(struct nsp_nb_live *live,
			  const struct nsp_nb_filters *flt,
			  const struct nsp_import_opts *opts,
			  struct nsp_import *out)
{
	(void)flt; (void)opts; (void)out;
	live->error = nsp_xstrdup("not built");
	return -3;
}

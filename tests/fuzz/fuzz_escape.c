/*
 * libFuzzer target: random strings through the escaper every output format
 * relies on. The result must be valid UTF-8, free of control characters and
 * of everything XML 1.0 forbids, and a string jansson accepts.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decode one UTF-8 sequence strictly; returns its length or 0. */
static size_t decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 :
		   (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (!n || n > len)
		return 0;
	uint32_t c = n == 1 ? s[0] : s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < min[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *e = nsp_escape((const char *)data, size);
	size_t len = strlen(e);
	const unsigned char *p = (const unsigned char *)e;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = decode(p + i, len - i, &c);
		if (!n)
			abort(); /* not valid UTF-8 */
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
			abort(); /* a control character */
		if ((c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0xfffe || c == 0xffff)
			abort(); /* bidi control or not an XML 1.0 character */
		i += n;
	}
	json_t *j = json_string(e);
	if (!j)
		abort();
	json_decref(j);
	free(e);
	return 0;
}

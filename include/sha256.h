/* sha256.h: SHA-256 of a byte string, for telling pages apart. */
#ifndef NEWSREAD_SHA256_H
#define NEWSREAD_SHA256_H

#include <stddef.h>

/* Write the lower-case hex SHA-256 of data[0..len) and a NUL into hex. */
void	sha256_hex(const void *data, size_t len, char hex[65]);

/* Whether sha256_hex() uses the CPU's SHA instructions (1) or not. */
int	sha256_accelerated(void);

#endif

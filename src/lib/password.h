/*
 * password: argon2id hashing through libsodium (crypto_pwhash_str), with
 * the library's "interactive" limits. The stored string carries its own
 * parameters and salt, so limits can be raised later without a migration.
 */
#ifndef SG_PASSWORD_H
#define SG_PASSWORD_H
#include <stddef.h>

#define PASSWORD_HASH_LEN 128

/* 0 on success; out holds a NUL-terminated encoded hash */
int password_hash(const char *password, char out[PASSWORD_HASH_LEN]);
/* 1 when password matches hash; burns the same time for an empty hash */
int password_verify(const char *hash, const char *password);
/* a random password of 16 characters that people can type */
void password_generate(char out[17]);

#endif

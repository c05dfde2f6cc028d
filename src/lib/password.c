/* password: see password.h. */
#include "password.h"
#include <sodium.h>
#include <pthread.h>
#include <string.h>

_Static_assert(crypto_pwhash_STRBYTES <= PASSWORD_HASH_LEN, "hash buffer too small");

int password_hash(const char *password, char out[PASSWORD_HASH_LEN])
{
	return crypto_pwhash_str_alg(out, password, strlen(password),
				     crypto_pwhash_OPSLIMIT_INTERACTIVE,
				     crypto_pwhash_MEMLIMIT_INTERACTIVE,
				     crypto_pwhash_ALG_ARGON2ID13);
}

/* an unknown user is checked against a fixed hash, so the answer takes as
 * long whether or not the address exists; made once, by whichever request
 * thread needs it first */
static char dummy[PASSWORD_HASH_LEN];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	if (password_hash("not-a-real-password", dummy))
		dummy[0] = '\0';
}

int password_verify(const char *hash, const char *password)
{
	if (!hash || !*hash) {
		pthread_once(&dummy_once, make_dummy);
		/* only the time it takes matters; the answer is always no */
		int ignored = crypto_pwhash_str_verify(dummy, password, strlen(password));
		(void)ignored;
		return 0;
	}
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void password_generate(char out[17])
{
	/* no 0/O, 1/l/I: easy to read aloud and type */
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 16; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[16] = '\0';
}

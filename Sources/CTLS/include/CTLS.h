#ifndef CTLS_H
#define CTLS_H
#include <stddef.h>
#include <sys/types.h>

/// The system's OpenSSL 3, as the HTTP client needs it: a client context, and sessions over
/// sockets the caller has already connected. OpenSSL's types stay inside the shim, so that Swift
/// sees neither its headers nor anything named like the BoringSSL that swift-crypto bundles.
typedef struct ctls_context ctls_context;
typedef struct ctls_session ctls_session;

/// What a read or a write can end with, besides a count of bytes.
#define CTLS_CLOSED 0      // the peer closed the connection (with or without close_notify)
#define CTLS_FAILED (-1)   // a protocol or socket error: see the error text
#define CTLS_TIMED_OUT (-2) // the socket's receive or send timeout passed
#define CTLS_RESET (-3)    // the peer reset the connection (ECONNRESET, EPIPE)

/// A client context that verifies peers against `ca_file` (a PEM bundle) or, when it is NULL,
/// against the system's default paths (which honour SSL_CERT_FILE and SSL_CERT_DIR).
/// NULL on failure, with the reason in `error`.
ctls_context *ctls_context_new(const char *ca_file, char *error, size_t error_size);
void ctls_context_free(ctls_context *context);

/// A handshake over the connected socket `fd` that sends `host` as SNI (unless it is an IP
/// literal) and verifies the chain and that the certificate names `host`. The session does not
/// own `fd`. NULL on failure, with the reason (a verification error by name) in `error`.
ctls_session *ctls_connect(ctls_context *context, int fd, const char *host, char *error, size_t error_size);

/// Bytes read or written (> 0), or one of CTLS_CLOSED, CTLS_FAILED, CTLS_TIMED_OUT, CTLS_RESET.
ssize_t ctls_read(ctls_session *session, void *buffer, size_t size, char *error, size_t error_size);
ssize_t ctls_write(ctls_session *session, const void *buffer, size_t size, char *error, size_t error_size);

/// Sends close_notify (without waiting for the peer's) and frees the session.
void ctls_close(ctls_session *session);

#endif

#include "CTLS.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

// OpenSSL's own socket BIO writes with write(2), which raises SIGPIPE when the peer has gone;
// this one sends with MSG_NOSIGNAL (where that does not exist, the caller sets SO_NOSIGPIPE).
// The socket is blocking with SO_RCVTIMEO/SO_SNDTIMEO: EAGAIN is a timeout, not a reason to
// retry, so no retry flag is ever set.
#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

static int bio_fd(BIO *bio) { return (int)(intptr_t)BIO_get_data(bio); }

static int fd_bio_write(BIO *bio, const char *data, int size) {
    ssize_t sent;
    do { sent = send(bio_fd(bio), data, (size_t)size, MSG_NOSIGNAL); } while (sent < 0 && errno == EINTR);
    return (int)sent;
}

static int fd_bio_read(BIO *bio, char *data, int size) {
    ssize_t got;
    do { got = recv(bio_fd(bio), data, (size_t)size, 0); } while (got < 0 && errno == EINTR);
    return (int)got;
}

static long fd_bio_ctrl(BIO *bio, int command, long number, void *pointer) {
    (void)bio; (void)number; (void)pointer;
    return command == BIO_CTRL_FLUSH ? 1 : 0;
}

static BIO_METHOD *fd_bio_method;
static CRYPTO_ONCE fd_bio_once = CRYPTO_ONCE_STATIC_INIT;

static void make_fd_bio_method(void) {
    BIO_METHOD *method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "intersession socket");
    if (method == NULL) return;
    BIO_meth_set_write(method, fd_bio_write);
    BIO_meth_set_read(method, fd_bio_read);
    BIO_meth_set_ctrl(method, fd_bio_ctrl);
    fd_bio_method = method;
}

static BIO *fd_bio_new(int fd) {
    CRYPTO_THREAD_run_once(&fd_bio_once, make_fd_bio_method);
    if (fd_bio_method == NULL) return NULL;
    BIO *bio = BIO_new(fd_bio_method);
    if (bio == NULL) return NULL;
    BIO_set_data(bio, (void *)(intptr_t)fd);
    BIO_set_init(bio, 1);
    return bio;
}

// The oldest queued OpenSSL error, after `what`; the queue is emptied, so that the next call on
// this thread starts clean.
static void describe_error(const char *what, char *error, size_t error_size) {
    unsigned long code = ERR_get_error();
    char reason[256] = "unknown error";
    if (code != 0) ERR_error_string_n(code, reason, sizeof reason);
    ERR_clear_error();
    snprintf(error, error_size, "%s: %s", what, reason);
}

ctls_context *ctls_context_new(const char *ca_file, char *error, size_t error_size) {
    ERR_clear_error();
    // The system's openssl.cnf is not read: a static binary must not dlopen the engines or
    // providers it may name, and the built-in defaults (TLS 1.2+, SECLEVEL 1) apply.
    if (!OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG, NULL)) { describe_error("TLS could not start", error, error_size); return NULL; }
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (context == NULL) { describe_error("TLS could not start", error, error_size); return NULL; }
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, NULL);
    // Servers often close without close_notify; the HTTP framing (Content-Length, chunked) is what
    // tells a complete answer from a cut one.
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);
    int loaded = ca_file != NULL ? SSL_CTX_load_verify_locations(context, ca_file, NULL)
                                 : SSL_CTX_set_default_verify_paths(context);
    if (!loaded) {
        describe_error(ca_file != NULL ? "the CA file could not be read" : "the system's certificates could not be read", error, error_size);
        SSL_CTX_free(context);
        return NULL;
    }
    return (ctls_context *)context;
}

void ctls_context_free(ctls_context *context) { SSL_CTX_free((SSL_CTX *)context); }

static int is_ip_literal(const char *host) {
    unsigned char address[16];
    return inet_pton(AF_INET, host, address) == 1 || inet_pton(AF_INET6, host, address) == 1;
}

// Names the host the certificate must match: an IP literal against the IP addresses it lists,
// a name against its DNS names (and as SNI, which may not carry an address, RFC 6066 §3).
static int expect_host(SSL *ssl, const char *host) {
    if (is_ip_literal(host)) return X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host);
    return SSL_set_tlsext_host_name(ssl, host) && SSL_set1_host(ssl, host);
}

static void describe_handshake_failure(SSL *ssl, const char *host, char *error, size_t error_size) {
    long verified = SSL_get_verify_result(ssl);
    if (verified != X509_V_OK) {
        ERR_clear_error();
        snprintf(error, error_size, "the certificate of %s was not accepted: %s", host, X509_verify_cert_error_string(verified));
    } else if (ERR_peek_error() == 0 && errno != 0) {
        snprintf(error, error_size, "the TLS handshake with %s failed: %s", host,
                 errno == EAGAIN || errno == EWOULDBLOCK ? "timed out" : strerror(errno));
    } else {
        char what[300];
        snprintf(what, sizeof what, "the TLS handshake with %s failed", host);
        describe_error(what, error, error_size);
    }
}

ctls_session *ctls_connect(ctls_context *context, int fd, const char *host, char *error, size_t error_size) {
    ERR_clear_error();
    SSL *ssl = SSL_new((SSL_CTX *)context);
    BIO *bio = ssl != NULL ? fd_bio_new(fd) : NULL;
    if (bio == NULL) { describe_error("TLS could not start", error, error_size); SSL_free(ssl); return NULL; }
    SSL_set_bio(ssl, bio, bio);
    if (!expect_host(ssl, host)) { describe_error("the host name could not be set", error, error_size); SSL_free(ssl); return NULL; }
    errno = 0;
    if (SSL_connect(ssl) != 1) {
        describe_handshake_failure(ssl, host, error, error_size);
        SSL_free(ssl);
        return NULL;
    }
    return (ctls_session *)ssl;
}

static ssize_t io_result(SSL *ssl, int result, char *error, size_t error_size) {
    if (result > 0) return result;
    int reason = SSL_get_error(ssl, result);
    if (reason == SSL_ERROR_ZERO_RETURN) return CTLS_CLOSED;
    if (reason == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return CTLS_TIMED_OUT;
        if (errno == 0) return CTLS_CLOSED;
        if (errno == ECONNRESET || errno == EPIPE) return CTLS_RESET;
        snprintf(error, error_size, "%s", strerror(errno));
        return CTLS_FAILED;
    }
    describe_error("TLS failed", error, error_size);
    return CTLS_FAILED;
}

ssize_t ctls_read(ctls_session *session, void *buffer, size_t size, char *error, size_t error_size) {
    SSL *ssl = (SSL *)session;
    ERR_clear_error();
    errno = 0;
    int limited = size > INT32_MAX ? INT32_MAX : (int)size;
    return io_result(ssl, SSL_read(ssl, buffer, limited), error, error_size);
}

ssize_t ctls_write(ctls_session *session, const void *buffer, size_t size, char *error, size_t error_size) {
    SSL *ssl = (SSL *)session;
    ERR_clear_error();
    errno = 0;
    int limited = size > INT32_MAX ? INT32_MAX : (int)size;
    return io_result(ssl, SSL_write(ssl, buffer, limited), error, error_size);
}

void ctls_close(ctls_session *session) {
    SSL *ssl = (SSL *)session;
    if (ssl == NULL) return;
    // One close_notify, without waiting for the peer's; a failure here changes nothing.
    if (!(SSL_get_shutdown(ssl) & SSL_SENT_SHUTDOWN)) SSL_shutdown(ssl);
    ERR_clear_error();
    SSL_free(ssl);
}

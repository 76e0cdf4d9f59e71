// SPDX-License-Identifier: GPL-2.0
/*
 * nd-traffic: exact, countable traffic for the tests.
 *   nd-traffic udp SRC DST SPORT DPORT COUNT [SIZE]   send COUNT datagrams
 *   nd-traffic tcp-sink ADDR PORT                       accept one, print bytes
 *   nd-traffic tcp-send SRC DST PORT BYTES              connect, send, close
 *   nd-traffic flood SRC DST DPORT SECONDS              UDP as fast as possible
 *   nd-traffic flows SRC DST SPORT0 NFLOWS DPORT        one datagram from each of
 *                                                       NFLOWS source ports
 * Addresses may be IPv4 or IPv6. Exit status 0 on success.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int mkaddr(const char *ip, int port, struct sockaddr_storage *ss,
		  socklen_t *len)
{
	struct sockaddr_in *s4 = (void *)ss;
	struct sockaddr_in6 *s6 = (void *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, ip, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		*len = sizeof(*s4);
		return AF_INET;
	}
	if (inet_pton(AF_INET6, ip, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		*len = sizeof(*s6);
		return AF_INET6;
	}
	fprintf(stderr, "nd-traffic: bad address %s\n", ip);
	exit(2);
}

static int bound_socket(int type, const char *src, int sport)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fam = mkaddr(src, sport, &ss, &len);
	int fd = socket(fam, type, 0), one = 1;

	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (void *)&ss, len)) {
		perror("nd-traffic: socket/bind");
		exit(1);
	}
	return fd;
}

static int udp(int argc, char **argv)
{
	struct sockaddr_storage dst;
	socklen_t dlen;
	long count, i, sent = 0;
	size_t size = argc > 7 ? strtoul(argv[7], NULL, 0) : 64;
	char *buf = calloc(1, size ? size : 1);
	int fd;

	if (argc < 7)
		return 2;
	count = strtol(argv[6], NULL, 0);
	fd = bound_socket(SOCK_DGRAM, argv[2], atoi(argv[4]));
	mkaddr(argv[3], atoi(argv[5]), &dst, &dlen);
	for (i = 0; i < count; i++) {
		/* a drop at egress may still report success or ENOBUFS: the
		 * packet reached the stack either way */
		if (sendto(fd, buf, size, 0, (void *)&dst, dlen) >= 0 ||
		    errno == ENOBUFS || errno == EPERM)
			sent++;
		else
			perror("nd-traffic: sendto");
	}
	printf("sent %ld\n", sent);
	return sent == count ? 0 : 1;
}

static int flood(int argc, char **argv)
{
	struct sockaddr_storage dst;
	socklen_t dlen;
	char buf[64] = { 0 };
	time_t end;
	long n = 0;
	int fd;

	if (argc < 6)
		return 2;
	fd = bound_socket(SOCK_DGRAM, argv[2], 0);
	mkaddr(argv[3], atoi(argv[4]), &dst, &dlen);
	end = time(NULL) + atoi(argv[5]);
	while (time(NULL) < end) {
		sendto(fd, buf, sizeof(buf), 0, (void *)&dst, dlen);
		n++;
	}
	printf("flooded %ld\n", n);
	return 0;
}

static int flows(int argc, char **argv)
{
	struct sockaddr_storage dst;
	socklen_t dlen;
	char buf[32] = { 0 };
	long i, n, sent = 0;
	int sport0;

	if (argc < 7)
		return 2;
	sport0 = atoi(argv[4]);
	n = strtol(argv[5], NULL, 0);
	mkaddr(argv[3], atoi(argv[6]), &dst, &dlen);
	for (i = 0; i < n; i++) {
		int fd = bound_socket(SOCK_DGRAM, argv[2], sport0 + i);

		if (sendto(fd, buf, sizeof(buf), 0, (void *)&dst, dlen) >= 0 ||
		    errno == ENOBUFS || errno == EPERM)
			sent++;
		close(fd);
	}
	printf("sent %ld\n", sent);
	return sent == n ? 0 : 1;
}

static int tcp_sink(int argc, char **argv)
{
	char buf[65536];
	long total = 0;
	ssize_t r;
	int fd, c;

	if (argc < 4)
		return 2;
	fd = bound_socket(SOCK_STREAM, argv[2], atoi(argv[3]));
	listen(fd, 1);
	c = accept(fd, NULL, NULL);
	if (c < 0)
		return 1;
	while ((r = read(c, buf, sizeof(buf))) > 0)
		total += r;
	printf("received %ld\n", total);
	return 0;
}

static int tcp_send(int argc, char **argv)
{
	struct sockaddr_storage dst;
	socklen_t dlen;
	char buf[65536];
	long left;
	int fd, tries;

	if (argc < 6)
		return 2;
	fd = bound_socket(SOCK_STREAM, argv[2], 0);
	mkaddr(argv[3], atoi(argv[4]), &dst, &dlen);
	for (tries = 0; connect(fd, (void *)&dst, dlen); tries++) {
		if (tries > 50) {
			perror("nd-traffic: connect");
			return 1;
		}
		usleep(100000);
	}
	memset(buf, 'x', sizeof(buf));
	for (left = strtol(argv[5], NULL, 0); left > 0;) {
		ssize_t w = write(fd, buf, left < (long)sizeof(buf) ? left : (long)sizeof(buf));

		if (w <= 0)
			return 1;
		left -= w;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "udp"))
		return udp(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "flood"))
		return flood(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "flows"))
		return flows(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "tcp-sink"))
		return tcp_sink(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "tcp-send"))
		return tcp_send(argc, argv);
	fprintf(stderr, "usage: nd-traffic udp SRC DST SPORT DPORT COUNT [SIZE] | flood SRC DST DPORT SEC |\n"
		"       tcp-sink ADDR PORT | tcp-send SRC DST PORT BYTES\n");
	return 2;
}

// Decides whether the console may connect to an address: no internal, reserved or metadata targets by accident.
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

class SsrfGuard
{
    Q_DECLARE_TR_FUNCTIONS(SsrfGuard)
public:
    enum class Range {
        Public,
        Unspecified,    // 0.0.0.0, ::
        ThisNetwork,    // 0.0.0.0/8
        Loopback,       // 127.0.0.0/8, ::1
        Private,        // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10
        SharedAddress,  // 100.64.0.0/10, carrier-grade NAT
        LinkLocal,      // 169.254.0.0/16, fe80::/10
        CloudMetadata,  // 169.254.169.254, fd00:ec2::254, 100.100.100.200
        Multicast,      // 224.0.0.0/4, ff00::/8
        Broadcast,      // 255.255.255.255
        Documentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
        Benchmarking,   // 198.18.0.0/15, 2001:2::/48
        Reserved,       // 240.0.0.0/4, 192.0.0.0/24, 192.88.99.0/24, 100::/64, IPv6 outside 2000::/3, ...
    };

    struct Policy
    {
        bool internalEndpoint = false; // an administrator declared the endpoint hospital-internal
        bool allowLoopback = false;    // the webhook's "allow loopback HTTP" switch, for local receivers
    };

    struct Classification
    {
        Range range = Range::Public;
        QString network;        // the matched block in CIDR notation, e.g. "10.0.0.0/8"; empty for public
        QString embeddedIn;     // "IPv4-mapped", "NAT64", "6to4", ... when an IPv4 address was found inside IPv6
    };

    struct Verdict
    {
        bool allowed = true;
        Classification classification;
        QString reason;         // translated: why the address is refused, naming the range; empty when allowed
    };

    // What kind of address this is; IPv6 forms that embed an IPv4 address are judged by the IPv4 address.
    static Classification classify(const QHostAddress &address);
    static Verdict check(const QHostAddress &address, const Policy &policy);
    static QString rangeName(Range range);
};

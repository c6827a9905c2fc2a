// Decides whether the console may connect to an address: no internal, reserved or metadata targets by accident.
#include "network/transport/ssrfguard.h"

#include <QList>

#include <array>

namespace {

struct Block
{
    const char *cidr;
    SsrfGuard::Range range;
};

// Most specific blocks first: the first match wins.
constexpr std::array ipv4Blocks{
    Block{"0.0.0.0/8", SsrfGuard::Range::ThisNetwork},
    Block{"10.0.0.0/8", SsrfGuard::Range::Private},
    Block{"100.64.0.0/10", SsrfGuard::Range::SharedAddress},
    Block{"127.0.0.0/8", SsrfGuard::Range::Loopback},
    Block{"169.254.0.0/16", SsrfGuard::Range::LinkLocal},
    Block{"172.16.0.0/12", SsrfGuard::Range::Private},
    Block{"192.0.0.0/24", SsrfGuard::Range::Reserved},
    Block{"192.0.2.0/24", SsrfGuard::Range::Documentation},
    Block{"192.31.196.0/24", SsrfGuard::Range::Reserved},
    Block{"192.52.193.0/24", SsrfGuard::Range::Reserved},
    Block{"192.88.99.0/24", SsrfGuard::Range::Reserved},
    Block{"192.168.0.0/16", SsrfGuard::Range::Private},
    Block{"192.175.48.0/24", SsrfGuard::Range::Reserved},
    Block{"198.18.0.0/15", SsrfGuard::Range::Benchmarking},
    Block{"198.51.100.0/24", SsrfGuard::Range::Documentation},
    Block{"203.0.113.0/24", SsrfGuard::Range::Documentation},
    Block{"224.0.0.0/4", SsrfGuard::Range::Multicast},
    Block{"240.0.0.0/4", SsrfGuard::Range::Reserved},
};

constexpr std::array ipv6Blocks{
    Block{"64:ff9b:1::/48", SsrfGuard::Range::Private}, // local-use NAT64 prefix (RFC 8215)
    Block{"100::/64", SsrfGuard::Range::Reserved},      // discard-only
    Block{"2001:2::/48", SsrfGuard::Range::Benchmarking},
    Block{"2001::/23", SsrfGuard::Range::Reserved},     // IETF protocol assignments
    Block{"2001:db8::/32", SsrfGuard::Range::Documentation},
    Block{"3fff::/20", SsrfGuard::Range::Documentation},
    Block{"fc00::/7", SsrfGuard::Range::Private},
    Block{"fe80::/10", SsrfGuard::Range::LinkLocal},
    Block{"fec0::/10", SsrfGuard::Range::Private},      // deprecated site-local
    Block{"ff00::/8", SsrfGuard::Range::Multicast},
};

// Instance metadata services hand out cloud credentials: never a webhook target.
constexpr std::array metadataAddresses{
    "169.254.169.254", // AWS, Azure, Google Cloud, OpenStack, ...
    "169.254.170.2",   // AWS ECS task metadata
    "100.100.100.200", // Alibaba Cloud
    "192.0.0.192",     // Oracle Cloud
    "fd00:ec2::254",   // AWS over IPv6
};

bool inBlock(const QHostAddress &address, const char *cidr)
{
    return address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(cidr)));
}

bool isMetadata(const QHostAddress &address)
{
    for (const char *text : metadataAddresses) {
        if (address.isEqual(QHostAddress(QString::fromLatin1(text)), QHostAddress::StrictConversion))
            return true;
    }
    return false;
}

SsrfGuard::Classification classifyIpv4(const QHostAddress &address)
{
    const quint32 value = address.toIPv4Address();
    if (value == 0)
        return {SsrfGuard::Range::Unspecified, QStringLiteral("0.0.0.0/32"), {}};
    if (value == 0xffffffffu)
        return {SsrfGuard::Range::Broadcast, QStringLiteral("255.255.255.255/32"), {}};
    if (isMetadata(address))
        return {SsrfGuard::Range::CloudMetadata, address.toString() + QStringLiteral("/32"), {}};
    for (const Block &block : ipv4Blocks) {
        if (inBlock(address, block.cidr))
            return {block.range, QString::fromLatin1(block.cidr), {}};
    }
    return {};
}

quint32 ipv4At(const Q_IPV6ADDR &bytes, int offset)
{
    return (quint32(bytes[offset]) << 24) | (quint32(bytes[offset + 1]) << 16) | (quint32(bytes[offset + 2]) << 8)
           | quint32(bytes[offset + 3]);
}

} // namespace

SsrfGuard::Classification SsrfGuard::classify(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return classifyIpv4(address);
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return {Range::Reserved, QString(), {}};

    const Q_IPV6ADDR bytes = address.toIPv6Address();
    if (address.isEqual(QHostAddress(QHostAddress::AnyIPv6)))
        return {Range::Unspecified, QStringLiteral("::/128"), {}};
    if (address.isEqual(QHostAddress(QHostAddress::LocalHostIPv6)))
        return {Range::Loopback, QStringLiteral("::1/128"), {}};
    if (isMetadata(address))
        return {Range::CloudMetadata, address.toString() + QStringLiteral("/128"), {}};

    // IPv6 forms that carry an IPv4 address reach that IPv4 host (via the kernel, a NAT64 gateway or a
    // 6to4 relay), so they are as dangerous as the address they carry.
    struct Embedding
    {
        const char *prefix;
        int offset;        // where the IPv4 address sits, in bytes
        bool inverted;     // Teredo stores the client address with every bit flipped
        const char *name;
    };
    static constexpr std::array embeddings{
        Embedding{"::ffff:0:0/96", 12, false, "IPv4-mapped"},
        Embedding{"::ffff:0:0:0/96", 12, false, "IPv4-translated"},
        Embedding{"64:ff9b::/96", 12, false, "NAT64"},
        Embedding{"2002::/16", 2, false, "6to4"},
        Embedding{"2001::/32", 12, true, "Teredo"},
        Embedding{"::/96", 12, false, "IPv4-compatible"},
    };
    for (const Embedding &embedding : embeddings) {
        if (!inBlock(address, embedding.prefix))
            continue;
        quint32 ipv4 = ipv4At(bytes, embedding.offset);
        if (embedding.inverted)
            ipv4 = ~ipv4;
        Classification inner = classifyIpv4(QHostAddress(ipv4));
        inner.embeddedIn = QString::fromLatin1(embedding.name);
        if (inner.range == Range::Public)
            inner.network.clear();
        return inner;
    }

    for (const Block &block : ipv6Blocks) {
        if (inBlock(address, block.cidr))
            return {block.range, QString::fromLatin1(block.cidr), {}};
    }
    // Only 2000::/3 is allocated for global unicast; everything else is reserved by IANA.
    if (!inBlock(address, "2000::/3"))
        return {Range::Reserved, QStringLiteral("::/0 outside 2000::/3"), {}};
    return {};
}

SsrfGuard::Verdict SsrfGuard::check(const QHostAddress &address, const Policy &policy)
{
    Verdict verdict;
    verdict.classification = classify(address);
    const Range range = verdict.classification.range;
    switch (range) {
    case Range::Public:
        return verdict;
    case Range::Unspecified:
    case Range::Multicast:
    case Range::Broadcast:
    case Range::CloudMetadata:
        // Not a single host (or a credential service): no switch makes these a webhook receiver.
        verdict.allowed = false;
        break;
    case Range::Loopback:
        verdict.allowed = policy.allowLoopback || policy.internalEndpoint;
        break;
    default:
        verdict.allowed = policy.internalEndpoint;
        break;
    }
    if (verdict.allowed)
        return verdict;

    const QString target = verdict.classification.embeddedIn.isEmpty()
                               ? tr("%1 is in %2 (%3)").arg(address.toString(), rangeName(range), verdict.classification.network)
                               : tr("%1 is an %2 address embedding an address in %3 (%4)")
                                     .arg(address.toString(), verdict.classification.embeddedIn, rangeName(range),
                                          verdict.classification.network);
    QString advice;
    switch (range) {
    case Range::Unspecified:
    case Range::Multicast:
    case Range::Broadcast:
        advice = tr("Such an address never names a single receiver.");
        break;
    case Range::CloudMetadata:
        advice = tr("Cloud metadata services hand out credentials and are never a webhook receiver.");
        break;
    case Range::Loopback:
        advice = tr("To deliver to a receiver on this computer, switch on “Allow plain HTTP to this machine” for this "
                    "webhook (allowLoopbackHttp in the configuration file).");
        break;
    default:
        advice = tr("If this receiver really is inside the hospital network, an administrator can mark the webhook "
                    "as an internal endpoint.");
        break;
    }
    verdict.reason = tr("Refused to connect: %1. %2").arg(target, advice);
    return verdict;
}

QString SsrfGuard::rangeName(Range range)
{
    switch (range) {
    case Range::Public: return tr("the public internet");
    case Range::Unspecified: return tr("the unspecified address");
    case Range::ThisNetwork: return tr("the “this network” block");
    case Range::Loopback: return tr("the loopback range");
    case Range::Private: return tr("a private network range");
    case Range::SharedAddress: return tr("the carrier-grade NAT shared address range");
    case Range::LinkLocal: return tr("the link-local range");
    case Range::CloudMetadata: return tr("a cloud metadata service");
    case Range::Multicast: return tr("the multicast range");
    case Range::Broadcast: return tr("the broadcast address");
    case Range::Documentation: return tr("a documentation range");
    case Range::Benchmarking: return tr("the benchmarking range");
    case Range::Reserved: return tr("a reserved range");
    }
    return {};
}

// Tests the SSRF guard: every refused range, their IPv6, IPv4-mapped, NAT64 and 6to4 forms, and the switches.
#include "network/transport/ssrfguard.h"

#include <QTest>

using Range = SsrfGuard::Range;
Q_DECLARE_METATYPE(SsrfGuard::Range)

class TestSsrfGuard : public QObject
{
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void policy_data();
    void policy();
    void reasonNamesTheRange();
};

void TestSsrfGuard::classify_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<Range>("range");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("embeddedIn");

    auto row = [](const char *address, Range range, const char *network, const char *embeddedIn = "") {
        QTest::newRow(address) << QString::fromLatin1(address) << range << QString::fromLatin1(network)
                               << QString::fromLatin1(embeddedIn);
    };
    // IPv4 blocks, at both ends where the edge matters.
    row("0.0.0.0", Range::Unspecified, "0.0.0.0/32");
    row("0.1.2.3", Range::ThisNetwork, "0.0.0.0/8");
    row("10.0.0.1", Range::Private, "10.0.0.0/8");
    row("10.255.255.255", Range::Private, "10.0.0.0/8");
    row("100.63.255.255", Range::Public, "");
    row("100.64.0.1", Range::SharedAddress, "100.64.0.0/10");
    row("100.127.255.254", Range::SharedAddress, "100.64.0.0/10");
    row("100.128.0.0", Range::Public, "");
    row("100.100.100.200", Range::CloudMetadata, "100.100.100.200/32");
    row("127.0.0.1", Range::Loopback, "127.0.0.0/8");
    row("127.255.255.254", Range::Loopback, "127.0.0.0/8");
    row("169.254.1.1", Range::LinkLocal, "169.254.0.0/16");
    row("169.254.169.254", Range::CloudMetadata, "169.254.169.254/32");
    row("169.254.170.2", Range::CloudMetadata, "169.254.170.2/32");
    row("172.15.255.255", Range::Public, "");
    row("172.16.0.1", Range::Private, "172.16.0.0/12");
    row("172.31.255.255", Range::Private, "172.16.0.0/12");
    row("172.32.0.0", Range::Public, "");
    row("192.0.0.8", Range::Reserved, "192.0.0.0/24");
    row("192.0.0.192", Range::CloudMetadata, "192.0.0.192/32");
    row("192.0.2.10", Range::Documentation, "192.0.2.0/24");
    row("192.88.99.1", Range::Reserved, "192.88.99.0/24");
    row("192.168.1.1", Range::Private, "192.168.0.0/16");
    row("198.18.0.1", Range::Benchmarking, "198.18.0.0/15");
    row("198.19.255.255", Range::Benchmarking, "198.18.0.0/15");
    row("198.51.100.7", Range::Documentation, "198.51.100.0/24");
    row("203.0.113.7", Range::Documentation, "203.0.113.0/24");
    row("224.0.0.1", Range::Multicast, "224.0.0.0/4");
    row("239.255.255.250", Range::Multicast, "224.0.0.0/4");
    row("240.0.0.1", Range::Reserved, "240.0.0.0/4");
    row("255.255.255.255", Range::Broadcast, "255.255.255.255/32");
    row("8.8.8.8", Range::Public, "");
    row("93.184.216.34", Range::Public, "");
    // IPv6 blocks.
    row("::", Range::Unspecified, "::/128");
    row("::1", Range::Loopback, "::1/128");
    row("fc00::1", Range::Private, "fc00::/7");
    row("fd12:3456::1", Range::Private, "fc00::/7");
    row("fd00:ec2::254", Range::CloudMetadata, "fd00:ec2::254/128");
    row("fe80::1", Range::LinkLocal, "fe80::/10");
    row("febf::1", Range::LinkLocal, "fe80::/10");
    row("fec0::1", Range::Private, "fec0::/10");
    row("ff02::1", Range::Multicast, "ff00::/8");
    row("2001:db8::1", Range::Documentation, "2001:db8::/32");
    row("3fff::1", Range::Documentation, "3fff::/20");
    row("2001:2::1", Range::Benchmarking, "2001:2::/48");
    row("2001:10::1", Range::Reserved, "2001::/23");
    row("100::1", Range::Reserved, "100::/64");
    row("64:ff9b:1::1", Range::Private, "64:ff9b:1::/48");
    row("4000::1", Range::Reserved, "::/0 outside 2000::/3");
    row("2606:4700::1111", Range::Public, "");
    // IPv4 addresses inside IPv6: judged by the IPv4 address they reach.
    row("::ffff:127.0.0.1", Range::Loopback, "127.0.0.0/8", "IPv4-mapped");
    row("::ffff:10.1.2.3", Range::Private, "10.0.0.0/8", "IPv4-mapped");
    row("::ffff:169.254.169.254", Range::CloudMetadata, "169.254.169.254/32", "IPv4-mapped");
    row("::ffff:0.0.0.0", Range::Unspecified, "0.0.0.0/32", "IPv4-mapped");
    row("::ffff:8.8.8.8", Range::Public, "", "IPv4-mapped");
    row("::ffff:0:192.168.0.1", Range::Private, "192.168.0.0/16", "IPv4-translated");
    row("64:ff9b::10.0.0.1", Range::Private, "10.0.0.0/8", "NAT64");
    row("64:ff9b::7f00:1", Range::Loopback, "127.0.0.0/8", "NAT64");
    row("64:ff9b::a9fe:a9fe", Range::CloudMetadata, "169.254.169.254/32", "NAT64");
    row("64:ff9b::8.8.8.8", Range::Public, "", "NAT64");
    row("2002:c0a8:101::1", Range::Private, "192.168.0.0/16", "6to4");
    row("2002:7f00:1::", Range::Loopback, "127.0.0.0/8", "6to4");
    row("2002:a9fe:a9fe::1", Range::CloudMetadata, "169.254.169.254/32", "6to4");
    row("2002:808:808::1", Range::Public, "", "6to4");
    row("::127.0.0.1", Range::Loopback, "127.0.0.0/8", "IPv4-compatible");
    row("::10.0.0.1", Range::Private, "10.0.0.0/8", "IPv4-compatible");
    // Teredo keeps the client's address with every bit inverted: ~127.0.0.1 = 80ff:fffe.
    row("2001:0:4136:e378:8000:63bf:80ff:fffe", Range::Loopback, "127.0.0.0/8", "Teredo");
}

void TestSsrfGuard::classify()
{
    QFETCH(QString, address);
    QFETCH(Range, range);
    QFETCH(QString, network);
    QFETCH(QString, embeddedIn);
    const QHostAddress parsed(address);
    QVERIFY2(!parsed.isNull(), qPrintable(address));
    const SsrfGuard::Classification classification = SsrfGuard::classify(parsed);
    QCOMPARE(classification.range, range);
    QCOMPARE(classification.network, network);
    QCOMPARE(classification.embeddedIn, embeddedIn);
}

void TestSsrfGuard::policy_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("internalEndpoint");
    QTest::addColumn<bool>("allowLoopback");
    QTest::addColumn<bool>("allowed");

    auto rows = [](const char *address, bool byDefault, bool withLoopback, bool internal) {
        const QString text = QString::fromLatin1(address);
        QTest::addRow("%s default", address) << text << false << false << byDefault;
        QTest::addRow("%s loopback switch", address) << text << false << true << withLoopback;
        QTest::addRow("%s internal endpoint", address) << text << true << false << internal;
    };
    rows("8.8.8.8", true, true, true);
    rows("2606:4700::1111", true, true, true);
    rows("127.0.0.1", false, true, true);
    rows("::1", false, true, true);
    rows("::ffff:127.0.0.1", false, true, true);
    rows("10.0.0.1", false, false, true);
    rows("::ffff:10.0.0.1", false, false, true);
    rows("64:ff9b::c0a8:0101", false, false, true);
    rows("2002:ac10:0001::", false, false, true);
    rows("fd12::1", false, false, true);
    rows("fe80::1", false, false, true);
    rows("100.64.0.1", false, false, true);
    rows("169.254.1.1", false, false, true);
    rows("192.0.2.1", false, false, true);
    rows("198.18.0.1", false, false, true);
    rows("240.0.0.1", false, false, true);
    rows("0.1.2.3", false, false, true);
    // Never a receiver, whatever the switches say.
    rows("0.0.0.0", false, false, false);
    rows("::", false, false, false);
    rows("224.0.0.251", false, false, false);
    rows("ff02::1", false, false, false);
    rows("::ffff:224.0.0.1", false, false, false);
    rows("255.255.255.255", false, false, false);
    rows("169.254.169.254", false, false, false);
    rows("fd00:ec2::254", false, false, false);
    rows("100.100.100.200", false, false, false);
    rows("64:ff9b::a9fe:a9fe", false, false, false);
}

void TestSsrfGuard::policy()
{
    QFETCH(QString, address);
    QFETCH(bool, internalEndpoint);
    QFETCH(bool, allowLoopback);
    QFETCH(bool, allowed);
    SsrfGuard::Policy policy;
    policy.internalEndpoint = internalEndpoint;
    policy.allowLoopback = allowLoopback;
    const SsrfGuard::Verdict verdict = SsrfGuard::check(QHostAddress(address), policy);
    QCOMPARE(verdict.allowed, allowed);
    QCOMPARE(verdict.reason.isEmpty(), allowed);
}

void TestSsrfGuard::reasonNamesTheRange()
{
    const SsrfGuard::Verdict privateRange = SsrfGuard::check(QHostAddress(QStringLiteral("192.168.10.5")), {});
    QCOMPARE(privateRange.reason,
             QStringLiteral("Refused to connect: 192.168.10.5 is in a private network range (192.168.0.0/16). If this "
                            "receiver really is inside the hospital network, an administrator can mark the webhook as "
                            "an internal endpoint."));
    const SsrfGuard::Verdict mapped = SsrfGuard::check(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), {});
    QVERIFY2(mapped.reason.contains(QLatin1String("IPv4-mapped")), qPrintable(mapped.reason));
    QVERIFY2(mapped.reason.contains(QLatin1String("127.0.0.0/8")), qPrintable(mapped.reason));
    QVERIFY2(mapped.reason.contains(QLatin1String("Allow plain HTTP to this machine")), qPrintable(mapped.reason));
    const SsrfGuard::Verdict metadata = SsrfGuard::check(QHostAddress(QStringLiteral("169.254.169.254")), {true, true});
    QVERIFY2(metadata.reason.contains(QLatin1String("cloud metadata")), qPrintable(metadata.reason));
}

QTEST_APPLESS_MAIN(TestSsrfGuard)
#include "tst_ssrfguard.moc"

// Parsing of --database URLs: what is accepted, and the specific refusal of everything else.
#include "models/storage/databaseurl.h"

#include <QTest>

class TestDatabaseUrl : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void keychainKeyIgnoresSpelling();
};

void TestDatabaseUrl::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("sqlite") << "sqlite:///var/lib/goreporter/webhooks.db" << int(DatabaseUrl::Engine::SQLite)
                            << "sqlite:///var/lib/goreporter/webhooks.db";
    QTest::newRow("sqlite with dots") << "sqlite:///tmp/a/../b.db" << int(DatabaseUrl::Engine::SQLite) << "sqlite:///tmp/b.db";
    QTest::newRow("postgresql") << "postgresql://alice@db.example.org:5433/webhooks" << int(DatabaseUrl::Engine::PostgreSQL)
                                << "postgresql://alice@db.example.org:5433/webhooks";
    QTest::newRow("postgres alias, default port") << "postgres://alice@db.example.org/webhooks"
                                                  << int(DatabaseUrl::Engine::PostgreSQL)
                                                  << "postgresql://alice@db.example.org:5432/webhooks";
    QTest::newRow("sslmode") << "postgresql://alice@db/webhooks?sslmode=verify-full" << int(DatabaseUrl::Engine::PostgreSQL)
                             << "postgresql://alice@db:5432/webhooks?sslmode=verify-full";
    QTest::newRow("ipv6 loopback") << "postgresql://bob@[::1]:5432/hooks" << int(DatabaseUrl::Engine::PostgreSQL)
                                   << "postgresql://bob@[::1]:5432/hooks";
}

void TestDatabaseUrl::accepted()
{
    QFETCH(QString, text);
    QFETCH(int, engine);
    QFETCH(QString, canonical);
    QString error;
    const auto url = DatabaseUrl::parse(text, &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(int(url->engine()), engine);
    QCOMPARE(url->toString(), canonical);
    QVERIFY(!url->displayName().isEmpty());
}

void TestDatabaseUrl::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedFragment");
    QTest::newRow("empty") << "" << "No database URL";
    QTest::newRow("password") << "postgresql://alice:secret@db/webhooks" << "password";
    QTest::newRow("mysql") << "mysql://alice@db/webhooks" << "Unsupported database";
    QTest::newRow("relative sqlite") << "sqlite://relative.db" << "absolute file path";
    QTest::newRow("no database name") << "postgresql://alice@db" << "must name one database";
    QTest::newRow("unknown option") << "postgresql://alice@db/webhooks?connect_timeout=1" << "connect_timeout";
    QTest::newRow("bad sslmode") << "postgresql://alice@db/webhooks?sslmode=maybe" << "maybe";
    QTest::newRow("garbage") << "postgresql://alice@db:port/x" << "not a valid database URL";
}

void TestDatabaseUrl::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedFragment);
    QString error;
    QVERIFY(!DatabaseUrl::parse(text, &error));
    QVERIFY2(error.contains(expectedFragment), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("secret")), "a password must never be echoed back");
}

void TestDatabaseUrl::keychainKeyIgnoresSpelling()
{
    QString error;
    const auto a = DatabaseUrl::parse(QStringLiteral("postgres://alice@db/webhooks"), &error);
    const auto b = DatabaseUrl::parse(QStringLiteral("postgresql://alice@db:5432/webhooks"), &error);
    QVERIFY(a && b);
    QCOMPARE(a->keychainKey(), b->keychainKey());
}

QTEST_APPLESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"

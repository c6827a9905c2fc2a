// A fresh database for delivery-bench in a PostgreSQL cluster whose maintenance URL is given; dropped again afterwards.
#include "scratchpostgres.h"

#include "models/storage/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    QTextStream(stdout) << line << Qt::endl;
}

} // namespace

ScratchPostgres::ScratchPostgres(const QString &clusterUrl)
{
    QString error;
    const auto cluster = DatabaseUrl::parse(clusterUrl, &error);
    if (!cluster) {
        say(u"  %1"_s.arg(error));
        return;
    }
    m_cluster = *cluster;
    m_name = u"goreporter_bench_"_s + QUuid::createUuid().toString(QUuid::Id128);
    if (!onCluster(u"CREATE DATABASE "_s + m_name))
        m_name.clear();
}

ScratchPostgres::~ScratchPostgres()
{
    if (!m_name.isEmpty() && !keep)
        onCluster(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_name));
}

std::optional<DatabaseUrl> ScratchPostgres::url() const
{
    if (m_name.isEmpty())
        return std::nullopt;
    QString error;
    return DatabaseUrl::parse(u"postgresql://%1@%2:%3/%4"_s.arg(m_cluster.userName(), m_cluster.hostName())
                                  .arg(m_cluster.port())
                                  .arg(m_name),
                              &error);
}

bool ScratchPostgres::onCluster(const QString &sql)
{
    const QString name = u"bench-maintenance"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(m_cluster.hostName());
        db.setPort(m_cluster.port());
        db.setUserName(m_cluster.userName());
        db.setDatabaseName(m_cluster.databaseName());
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                say(u"  %1: %2"_s.arg(sql, Database::describe(query.lastError())));
        } else {
            say(u"  cannot connect to the cluster: %1"_s.arg(Database::describe(db.lastError())));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

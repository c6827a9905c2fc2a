// CPU time spent by delivery-bench and by the PostgreSQL server process of its connection, beside wall-clock time:
// on a shared machine the wall clock includes the waits for a core, the CPU time does not.
#include "cputime.h"

#include <QFile>
#include <QSqlQuery>

#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;

double CpuTime::ofThisProcess()
{
    timespec spent{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spent);
    return double(spent.tv_sec) * 1e3 + double(spent.tv_nsec) / 1e6;
}

std::optional<double> CpuTime::ofServer(Database &database)
{
    const DatabaseUrl &url = database.url();
    const QString host = url.hostName();
    if (url.engine() != DatabaseUrl::Engine::PostgreSQL
        || (host != u"127.0.0.1" && host != u"localhost" && host != u"::1"))
        return std::nullopt;
    QSqlQuery query(database.connection());
    if (!query.exec(u"SELECT pg_backend_pid()"_s) || !query.next())
        return std::nullopt;
    QFile stat(u"/proc/%1/stat"_s.arg(query.value(0).toLongLong()));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    // After "pid (command) " come the fields from the third on; utime and stime are the 14th and 15th.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

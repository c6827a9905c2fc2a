// Writers of the delivery log working at once, as dispatchers on several workstations do: each in a thread of its
// own, on a connection of its own.
#include "testsupport/concurrentwriters.h"

#include "models/storage/database.h"

#include <QStringList>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

QString runConcurrentWriters(const DatabaseUrl &url, const QString &password, int writers,
                             const std::function<QString(DeliveryRepository &repository, int which)> &work)
{
    QStringList failures(writers);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int which = 0; which < writers; ++which) {
        threads.emplace_back(QThread::create([&, which] {
            Database connection;
            connection.setBusyTimeout(20000);  // SQLite: the writers take turns
            if (!connection.open(url, password)) {
                failures[which] = connection.errorString();
                return;
            }
            DeliveryRepository repository(connection);
            failures[which] = work(repository, which);
        }));
    }
    for (const auto &thread : threads)
        thread->start();
    for (const auto &thread : threads) {
        if (!thread->wait(120000))
            return u"a writer did not finish within two minutes"_s;
    }
    failures.removeAll(QString());
    return failures.join(u'\n');
}

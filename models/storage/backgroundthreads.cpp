// The registry of background threads: each is deleted once finished, and the rest are joined at exit.
#include "models/storage/backgroundthreads.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QThread>

namespace {

// Longer than a PostgreSQL connection attempt (connect_timeout=5), the longest step a cancelled thread ends.
constexpr int exitTimeoutMs = 15000;

struct Registry
{
    QMutex mutex;
    QSet<QThread *> threads;
    bool joinsAtExit = false;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

// Whoever takes a thread out of the registry deletes it: exactly once, whether the finished() notice or
// finishAll() comes first.
bool take(QThread *thread)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.threads.remove(thread);
}

void joinAtExit()
{
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        r.joinsAtExit = false;  // a later QCoreApplication (some tests make several) registers again
    }
    if (!BackgroundThreads::finishAll(exitTimeoutMs))
        qWarning("%d background thread(s) did not end within %d ms; the program exits without them.",
                 BackgroundThreads::count(), exitTimeoutMs);
}

} // namespace

namespace BackgroundThreads {

void start(QThread *thread)
{
    Q_ASSERT(QCoreApplication::instance());
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        r.threads.insert(thread);
        if (!r.joinsAtExit) {
            // Post routines run first thing in ~QCoreApplication, while everything Qt has is still there.
            qAddPostRoutine(joinAtExit);
            r.joinsAtExit = true;
        }
    }
    // finished() comes from the thread itself; the application object as context brings it to the GUI thread,
    // where the thread object lives. A QPointer, because finishAll() may have deleted it meanwhile.
    const QPointer<QThread> finishing(thread);
    QObject::connect(thread, &QThread::finished, QCoreApplication::instance(), [finishing] {
        if (finishing && take(finishing.data()))
            delete finishing.data();  // waits only for the thread's last cleanup after finished()
    });
    thread->start();
}

void run(const QString &name, std::function<void()> function)
{
    QThread *thread = QThread::create(std::move(function));
    thread->setObjectName(name);
    start(thread);
}

int count()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return int(r.threads.size());
}

bool finishAll(int timeoutMs)
{
    QList<QThread *> threads;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        threads = r.threads.values();
    }
    for (QThread *thread : std::as_const(threads))
        thread->quit();
    const QDeadlineTimer deadline(timeoutMs);
    for (QThread *thread : std::as_const(threads)) {
        if (thread->wait(deadline) && take(thread))
            delete thread;
    }
    return count() == 0;
}

} // namespace BackgroundThreads

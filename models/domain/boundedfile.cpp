// Reading a file that a person named: a regular file of bounded size, or a specific error.
#include "models/domain/boundedfile.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QLocale>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

std::optional<QByteArray> BoundedFile::read(const QString &path, qint64 maxBytes, QString *errorMessage)
{
    auto fail = [&](const QString &reason) -> std::optional<QByteArray> {
        *errorMessage = reason;
        return std::nullopt;
    };
    if (path.isEmpty()) {
        *errorMessage = tr("No file name was given.");
        return std::nullopt;
    }
    // Non-blocking, so that opening a FIFO returns at once; the type is then checked on what was opened, not on
    // a name that could be swapped in between.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    struct FdCloser { int fd; ~FdCloser() { ::close(fd); } } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    if (S_ISDIR(info.st_mode))
        return fail(tr("it is a folder, not a file"));
    if (!S_ISREG(info.st_mode))
        return fail(tr("it is not a regular file (a device, a pipe or a socket)"));
    if (info.st_size > maxBytes)
        return fail(tr("the file is %1, more than the %2 allowed")
                        .arg(QLocale().formattedDataSize(info.st_size), QLocale().formattedDataSize(maxBytes)));
    QByteArray contents;
    contents.resize(qsizetype(info.st_size));
    qsizetype done = 0;
    // A file that grows while it is read is cut at the cap plus one byte, then refused.
    while (true) {
        if (done == contents.size()) {
            if (contents.size() > maxBytes)
                return fail(tr("the file grew beyond the %1 allowed").arg(QLocale().formattedDataSize(maxBytes)));
            contents.resize(contents.size() + 4096);
        }
        const ssize_t got = ::read(fd, contents.data() + done, size_t(contents.size() - done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return fail(QString::fromLocal8Bit(std::strerror(errno)));
        }
        if (got == 0)
            break;
        done += got;
    }
    contents.truncate(done);
    if (contents.size() > maxBytes)
        return fail(tr("the file grew beyond the %1 allowed").arg(QLocale().formattedDataSize(maxBytes)));
    return contents;
}

QFuture<BoundedFile::Contents> BoundedFile::readInBackground(const QString &path, qint64 maxBytes)
{
    return QtConcurrent::run([path, maxBytes] {
        Contents contents;
        contents.bytes = read(path, maxBytes, &contents.error);
        return contents;
    });
}

// Reading a file that a person named: a regular file of bounded size, or a specific error. Never a device, a FIFO
// or a socket (/dev/zero would grow memory without end, a FIFO would block past every timeout).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <optional>

class BoundedFile
{
    Q_DECLARE_TR_FUNCTIONS(BoundedFile)
public:
    // Caps for the kinds of files the program reads.
    static constexpr qint64 eventSampleMaxBytes = 1024 * 1024;
    static constexpr qint64 certificateBundleMaxBytes = 4 * 1024 * 1024;
    static constexpr qint64 configurationMaxBytes = 64 * 1024 * 1024;

    // The whole file, or nothing with *errorMessage saying why (the reason only: callers name the file).
    static std::optional<QByteArray> read(const QString &path, qint64 maxBytes, QString *errorMessage);

    struct Contents
    {
        std::optional<QByteArray> bytes;
        QString error; // why bytes is empty
    };
    // read() in Qt's thread pool, for windows that must not wait on a file.
    static QFuture<Contents> readInBackground(const QString &path, qint64 maxBytes);
};

// Every file dialog of the console is made here, so that none of them can touch the SQLite database's files.
//
// Closing any descriptor of a file drops every POSIX lock the process holds on it. SQLite keeps its locks on the
// database, its -wal and its -shm through its own descriptors; a dialog that opens and closes those files (Qt's
// file-system model sniffs a file's MIME type by reading it, a native dialog does the same in-process) makes
// another process believe it is alone, which then checkpoints and deletes the WAL under the running console.
// These dialogs are Qt's own widgets with an icon provider that judges files by their names only.
#pragma once

#include <QFileDialog>

namespace FileDialogs {

// A non-native, window-modal dialog (deleted on close) whose file-system model never opens a file.
QFileDialog *create(QWidget *parent, const QString &caption, const QString &directory, const QString &nameFilters,
                    QFileDialog::AcceptMode mode);

// The icon provider those dialogs use; exposed so that tests can check it reads no file.
QAbstractFileIconProvider *nameOnlyIconProvider();

} // namespace FileDialogs

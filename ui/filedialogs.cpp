// Every file dialog of the console is made here, so that none of them can touch the SQLite database's files.
#include "ui/filedialogs.h"

#include "ui/consoleicons.h"

#include <QAbstractFileIconProvider>
#include <QCoreApplication>
#include <QMimeDatabase>

namespace FileDialogs {
namespace {

// Icons and type names from the file's name and what stat() says, never from its contents: Qt's own providers
// call QMimeDatabase::mimeTypeForFile(QFileInfo), which opens files whose extension it does not know.
class NameOnlyIconProvider final : public QAbstractFileIconProvider
{
public:
    QIcon icon(IconType type) const override
    {
        switch (type) {
        case Folder:
        case Drive:
        case Computer:
        case Desktop:
        case Network:
        case Trashcan:
            return ConsoleIcons::named(QStringLiteral("folder"));
        case File:
            break;
        }
        return ConsoleIcons::named(QStringLiteral("text-x-generic"));
    }

    QIcon icon(const QFileInfo &info) const override
    {
        return icon(info.isDir() ? Folder : File);
    }

    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QCoreApplication::translate("FileDialogs", "Folder");
        const QMimeType mime = m_mimeTypes.mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
        if (mime.isDefault() || mime.comment().isEmpty())
            return QCoreApplication::translate("FileDialogs", "File");
        return mime.comment();
    }

private:
    QMimeDatabase m_mimeTypes;
};

} // namespace

QAbstractFileIconProvider *nameOnlyIconProvider()
{
    static NameOnlyIconProvider provider;
    return &provider;
}

QFileDialog *create(QWidget *parent, const QString &caption, const QString &directory, const QString &nameFilters,
                    QFileDialog::AcceptMode mode)
{
    auto *dialog = new QFileDialog(parent, caption, directory, nameFilters);
    // Before anything lists a folder: a native dialog runs its own file sniffing inside this process.
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setIconProvider(nameOnlyIconProvider());
    dialog->setAcceptMode(mode);
    dialog->setFileMode(mode == QFileDialog::AcceptSave ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

} // namespace FileDialogs

// Words in payloads, in the webhook's payload language, never in the console's.
#include "models/domain/payloadtext.h"

#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QTranslator>

#include <memory>

namespace PayloadText {
namespace {

thread_local const QTranslator *current = nullptr;

// One translator per language for the whole process, loaded on first use from the embedded catalogues.
const QTranslator *translatorFor(const QString &language)
{
    if (language.isEmpty() || language == u"en")
        return nullptr;
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<QTranslator>> loaded;
    QMutexLocker lock(&mutex);
    auto found = loaded.constFind(language);
    if (found == loaded.constEnd()) {
        auto translator = std::make_shared<QTranslator>();
        if (!translator->load(QStringLiteral("goreporter_") + language, QStringLiteral(":/i18n")))
            translator.reset();
        found = loaded.insert(language, translator);
    }
    return found->get();
}

} // namespace

QStringList languages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString languageName(const QString &language)
{
    // Each language by its own name, as language pickers show them; QLocale would name the territory too
    // ("American English") although payloads have no territory.
    if (language == u"en")
        return QStringLiteral("English");
    if (language == u"de")
        return QStringLiteral("Deutsch");
    return QLocale(language).nativeLanguageName();
}

Scope::Scope(const QString &language)
    : m_previous(current)
{
    current = translatorFor(language);
}

Scope::~Scope()
{
    current = m_previous;
}

QString translated(const char *context, const char *text)
{
    if (current) {
        const QString translation = current->translate(context, text);
        if (!translation.isEmpty())
            return translation;
    }
    return QString::fromUtf8(text);
}

} // namespace PayloadText

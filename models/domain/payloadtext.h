// Words in payloads: in the webhook's payload language (English unless the webhook says otherwise), never in the
// console's, because what a receiver gets must not depend on who previewed or sent it. They are marked with
// QT_TRANSLATE_NOOP in the context of the class that writes them, so lupdate keeps them in the catalogues.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QTranslator;

namespace PayloadText {

// The languages a payload can be written in: "en" and those the program has a catalogue for.
QStringList languages();
QString languageName(const QString &language); // "English", "Deutsch": in the language itself

// While a Scope lives, payload words on this thread are written in its language (English when there is no scope).
class Scope
{
public:
    explicit Scope(const QString &language);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    const QTranslator *m_previous;
};

// text (the English source, marked with QT_TRANSLATE_NOOP(context, …)) in the current scope's language.
QString translated(const char *context, const char *text);

} // namespace PayloadText

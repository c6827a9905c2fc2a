// Words in payloads: English whatever the console's language, because what a receiver gets must never depend on who
// previewed or sent it. They stay marked for translation (QT_TRANSLATE_NOOP, in the context of the class that
// writes them), so that a per-webhook payload language can look them up later.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace PayloadText {
inline QString english(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace PayloadText

// Which field of a webhook an error is about, so that an editor can show it next to that field.
#pragma once

#include <QString>

struct FieldError
{
    enum class Field { Name, Url, Timeout, Headers, Events, Description, CaFile, Epic, PayloadLanguage };
    Field field;
    QString message;
};

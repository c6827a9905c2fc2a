// Duplicate keys in JSON text, which QJsonDocument would drop without a word.
#include "models/domain/jsonduplicates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace JsonDuplicates {
namespace {

// A walk over text that QJsonDocument has accepted, so only the shapes of valid JSON need handling.
class Scanner
{
public:
    explicit Scanner(const QByteArray &json) : m_json(json) {}

    std::optional<Duplicate> value(const QString &path)
    {
        skipSpace();
        if (m_at >= m_json.size())
            return std::nullopt;
        switch (m_json.at(m_at)) {
        case '{':
            return object(path);
        case '[':
            return array(path);
        case '"':
            string();
            return std::nullopt;
        default:
            while (m_at < m_json.size() && !QByteArrayView(",]} \t\r\n").contains(m_json.at(m_at)))
                ++m_at;
            return std::nullopt;
        }
    }

private:
    std::optional<Duplicate> object(const QString &path)
    {
        ++m_at; // {
        QSet<QString> keys;
        while (true) {
            skipSpace();
            if (m_at >= m_json.size() || m_json.at(m_at) == '}') {
                ++m_at;
                return std::nullopt;
            }
            if (m_json.at(m_at) == ',') {
                ++m_at;
                continue;
            }
            const QString key = string();
            if (keys.contains(key))
                return Duplicate{path, key};
            keys.insert(key);
            skipSpace();
            ++m_at; // :
            if (auto found = value(path.isEmpty() ? key : path + u'.' + key))
                return found;
        }
    }

    std::optional<Duplicate> array(const QString &path)
    {
        ++m_at; // [
        int index = 0;
        while (true) {
            skipSpace();
            if (m_at >= m_json.size() || m_json.at(m_at) == ']') {
                ++m_at;
                return std::nullopt;
            }
            if (m_json.at(m_at) == ',') {
                ++m_at;
                ++index;
                continue;
            }
            if (auto found = value(path + u'[' + QString::number(index) + u']'))
                return found;
        }
    }

    // The decoded text of the string literal at m_at ("n\u0061me" is "name").
    QString string()
    {
        const qsizetype start = m_at++;
        bool escaped = false;
        while (m_at < m_json.size()) {
            const char c = m_json.at(m_at++);
            if (c == '"' && !escaped)
                break;
            escaped = c == '\\' && !escaped;
        }
        const QByteArray literal = m_json.mid(start, m_at - start);
        return QJsonDocument::fromJson('[' + literal + ']').array().at(0).toString();
    }

    void skipSpace()
    {
        while (m_at < m_json.size() && QByteArrayView(" \t\r\n").contains(m_json.at(m_at)))
            ++m_at;
    }

    const QByteArray &m_json;
    qsizetype m_at = 0;
};

} // namespace

std::optional<Duplicate> first(const QByteArray &json)
{
    return Scanner(json).value({});
}

} // namespace JsonDuplicates

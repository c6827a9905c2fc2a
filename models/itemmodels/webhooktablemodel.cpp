// The webhooks table: one row per webhook, following the repository's changes row by row, never resetting the view.
#include "models/itemmodels/webhooktablemodel.h"

#include "models/domain/eventtype.h"
#include "models/storage/webhookrepository.h"

#include <QColor>
#include <QIcon>
#include <QLocale>

WebhookTableModel::WebhookTableModel(WebhookRepository *repository, DeliveryLog *deliveryLog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
    , m_deliveryLog(deliveryLog)
{
    connect(repository, &WebhookRepository::webhookSaved, this, &WebhookTableModel::showSaved);
    connect(repository, &WebhookRepository::webhookRemoved, this, &WebhookTableModel::showRemoved);
    connect(repository, &WebhookRepository::attemptRecorded, this, &WebhookTableModel::showAttempt);
}

void WebhookTableModel::setHealthThresholds(const HealthThresholds &thresholds)
{
    m_thresholds = thresholds;
}

namespace {

QString percent(std::optional<double> rate)
{
    return rate ? QLocale().toString(*rate * 100, 'f', 1) + QStringLiteral(" %") : QString();
}

// A colour, not a painted icon: the core library must work without a GUI application, and views draw a
// QColor decoration as a swatch.
QColor healthColor(WebhookHealthColour colour)
{
    switch (colour) {
    case WebhookHealthColour::Grey: return QColor(0x9e, 0x9e, 0x9e);
    case WebhookHealthColour::Green: return QColor(0x2e, 0x7d, 0x32);
    case WebhookHealthColour::Yellow: return QColor(0xf9, 0xa8, 0x25);
    case WebhookHealthColour::Red: return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

} // namespace

QString WebhookTableModel::healthReason(const WebhookHealth &health)
{
    // Why the colour is what it is, in the terms of the README's table.
    const bool lastDay = health.attempts24h > 0;
    const qint64 undelivered = lastDay ? health.undeliveredEvents24h : health.undeliveredEvents7d;
    const QString window = lastDay ? tr("in the last 24 hours") : tr("in the last 7 days");
    switch (health.colour) {
    case WebhookHealthColour::Grey:
        return health.active ? tr("Nothing has been sent to this webhook yet.")
                             : tr("The webhook is inactive: no events are delivered to it.");
    case WebhookHealthColour::Red:
        if (!health.everDelivered)
            return tr("Nothing was ever delivered to this webhook: every attempt failed.");
        return tr("%n failed attempt(s) in a row", nullptr, int(health.consecutiveFailures));
    case WebhookHealthColour::Yellow:
        if (!health.lastSuccess)
            return tr("The last attempt failed.");
        return tr("%n event(s) %1 were not delivered, not even by a retry.", nullptr, int(undelivered)).arg(window);
    case WebhookHealthColour::Green:
        if (undelivered > 0)
            return tr("Working; %n event(s) %1 were not delivered.", nullptr, int(undelivered)).arg(window);
        if (health.undeliveredCounted || (lastDay ? health.successes24h == health.attempts24h
                                                  : health.successes7d == health.attempts7d))
            return tr("Working: the last attempt succeeded and every event %1 was delivered.").arg(window);
        return tr("Working: the last attempt succeeded.");
    }
    return {};
}

QVariant WebhookTableModel::healthData(const WebhookHealth &health, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    switch (column) {
    case HealthColumn:
        if (role == HealthColourRole || role == SortRole)
            return int(health.colour);
        if (role == Qt::DecorationRole)
            return healthColor(health.colour);
        if (display) {
            switch (health.colour) {
            case WebhookHealthColour::Grey:
                return health.active ? tr("No deliveries") : tr("Inactive");
            case WebhookHealthColour::Green: return tr("Working");
            case WebhookHealthColour::Yellow: return tr("Some failures");
            case WebhookHealthColour::Red: return tr("Failing");
            }
        }
        if (role == Qt::ToolTipRole)
            return healthReason(health);
        break;
    case Success24hColumn:
        if (display)
            return percent(health.successRate24h());
        if (role == SortRole)
            return health.successRate24h().value_or(-1);
        if (role == Qt::ToolTipRole)
            return tr("%1 of %n attempt(s) succeeded in the last 24 hours", nullptr, int(health.attempts24h))
                .arg(health.successes24h);
        break;
    case Success7dColumn:
        if (display)
            return percent(health.successRate7d());
        if (role == SortRole)
            return health.successRate7d().value_or(-1);
        if (role == Qt::ToolTipRole)
            return tr("%1 of %n attempt(s) succeeded in the last 7 days", nullptr, int(health.attempts7d))
                .arg(health.successes7d);
        break;
    case LastTriggeredColumn:
        if (!health.lastStartedAtMs)
            return display ? QVariant(tr("never")) : QVariant();
        if (display)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*health.lastStartedAtMs), QLocale::ShortFormat);
        if (role == SortRole)
            return *health.lastStartedAtMs;
        break;
    case LastStatusColumn:
        if (!health.lastStartedAtMs)
            return {};
        if (display)
            return health.lastStatus ? QString::number(*health.lastStatus) : tr("no response");
        if (role == SortRole)
            return health.lastStatus.value_or(0);
        if (role == Qt::ForegroundRole && !health.lastSuccess)
            return QColor(0xb3, 0x26, 0x1e);
        break;
    }
    return {};
}

int WebhookTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_webhooks.size());
}

int WebhookTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Webhook &w = m_webhooks.at(index.row());
    if (index.column() >= HealthColumn && index.column() <= LastStatusColumn) {
        const auto health = m_health.constFind(w.id);
        return health == m_health.cend() ? QVariant() : healthData(*health, index.column(), role);
    }
    switch (role) {
    case WebhookIdRole:
        return w.id;
    case KindKeyRole:
        return WebhookKinds::key(w.kind);
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return w.name;
        case KindColumn: return WebhookKinds::displayName(w.kind);
        case EndpointColumn: return w.maskedEndpoint();
        case EventsColumn: return w.events.join(QStringLiteral(", "));
        case ActiveColumn:
            if (role == SortRole)
                return w.active;
            return w.active ? tr("Active") : tr("Disabled");
        case ChangedColumn:
            if (role == SortRole)
                return w.updatedAt;
            return tr("%1, %2").arg(w.updatedBy, QLocale().toString(w.updatedAt.toLocalTime(), QLocale::ShortFormat));
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == ActiveColumn)
            return w.active ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::DecorationRole:
        if (index.column() == KindColumn)
            return QIcon(QStringLiteral(":/icons/%1.svg").arg(WebhookKinds::key(w.kind)));
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case EndpointColumn:
            return WebhookKinds::urlIsCredential(w.kind)
                       ? tr("The full %1 URL is a credential and is not shown.").arg(WebhookKinds::displayName(w.kind))
                       : w.url.toString();
        case EventsColumn: {
            QStringList lines;
            for (const QString &name : w.events) {
                const EventType *event = EventCatalog::find(name);
                lines.append(event ? tr("%1: %2").arg(name, event->displayDescription()) : name);
            }
            return lines.join(QLatin1Char('\n'));
        }
        case NameColumn:
            return w.description.isEmpty() ? QVariant() : QVariant(w.description);
        }
        break;
    }
    return {};
}

bool WebhookTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != ActiveColumn || role != Qt::CheckStateRole)
        return false;
    Webhook w = m_webhooks.at(index.row());
    const bool active = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    if (active == w.active)
        return true;
    if (m_activationGuard && !m_activationGuard(w, active))
        return false;
    // Stored in the background; the row itself, and its health (an inactive webhook is grey whatever its history),
    // follow webhookSaved when the database has it.
    using Change = WebhookRepository::Change;
    m_repository->changeInBackground(active ? Change::Enable : Change::Disable, w, this,
                                     [this](const Result<Webhook> &stored) {
                                         if (!stored) {
                                             emit errorOccurred(stored.message());
                                             refresh(); // what is stored now, e.g. the other administrator's change
                                             return;
                                         }
                                         emit activeChanged(*stored);
                                     });
    return true;
}

Qt::ItemFlags WebhookTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ActiveColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant WebhookTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Integration");
    case EndpointColumn: return tr("Endpoint");
    case EventsColumn: return tr("Events");
    case ActiveColumn: return tr("Active");
    case HealthColumn: return tr("Health");
    case Success24hColumn: return tr("Success 24 h");
    case Success7dColumn: return tr("Success 7 d");
    case LastTriggeredColumn: return tr("Last triggered");
    case LastStatusColumn: return tr("Last status");
    case ChangedColumn: return tr("Last changed");
    }
    return {};
}

int WebhookTableModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_webhooks.size(); ++row) {
        if (m_webhooks.at(row).id == id)
            return row;
    }
    return -1;
}

bool WebhookTableModel::refresh()
{
    const auto fresh = m_repository->all();
    if (!fresh) {
        emit errorOccurred(fresh.message());
        return false;
    }
    // Remove rows that are gone, from the bottom so earlier row numbers stay valid.
    for (int row = int(m_webhooks.size()) - 1; row >= 0; --row) {
        const QString id = m_webhooks.at(row).id;
        const bool stillThere = std::any_of(fresh->begin(), fresh->end(), [&id](const Webhook &w) { return w.id == id; });
        if (!stillThere)
            removeRow(row);
    }
    for (const Webhook &w : *fresh) {
        const int row = rowOfId(w.id);
        if (row < 0) {
            beginInsertRows({}, int(m_webhooks.size()), int(m_webhooks.size()));
            m_webhooks.append(w);
            endInsertRows();
        } else if (!(m_webhooks.at(row) == w)) {
            m_webhooks[row] = w;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    return refreshHealth();
}

bool WebhookTableModel::refreshHealth()
{
    if (!m_deliveryLog)
        return true;
    const auto health = m_deliveryLog->health(m_thresholds, QDateTime::currentDateTimeUtc());
    if (!health) {
        emit errorOccurred(tr("Cannot compute the webhooks' health: %1").arg(health.message()));
        return false;
    }
    m_health.clear();
    for (const WebhookHealth &entry : *health)
        m_health.insert(entry.webhookId, entry);
    if (!m_webhooks.isEmpty())
        emit dataChanged(index(0, HealthColumn), index(rowCount() - 1, LastStatusColumn));
    return true;
}

bool WebhookTableModel::refreshChanged()
{
    const auto versions = m_repository->versions();
    if (!versions) {
        emit errorOccurred(versions.message());
        return false;
    }
    for (int row = int(m_webhooks.size()) - 1; row >= 0; --row) {
        if (!versions->contains(m_webhooks.at(row).id))
            removeRow(row);
    }
    for (auto it = versions->cbegin(); it != versions->cend(); ++it) {
        const int row = rowOfId(it.key());
        if (row >= 0 && m_webhooks.at(row).version == it.value())
            continue;
        // Not found: deleted since the versions were read, which changed the stamp the next poll compares.
        const Result<Webhook> webhook = m_repository->findById(it.key());
        if (webhook) {
            showSaved(*webhook);
        } else if (webhook.code() != ErrorCode::NotFound) {
            emit errorOccurred(webhook.message());
            return false;
        }
    }
    return true;
}

void WebhookTableModel::showSaved(const Webhook &webhook)
{
    // Health first, so that views drawing the new or changed row read its health already.
    refreshHealthOf(webhook.id);
    const int row = rowOfId(webhook.id);
    if (row < 0) {
        beginInsertRows({}, int(m_webhooks.size()), int(m_webhooks.size()));
        m_webhooks.append(webhook);
        endInsertRows();
        return;
    }
    m_webhooks[row] = webhook;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void WebhookTableModel::showRemoved(const QString &id)
{
    if (const int row = rowOfId(id); row >= 0)
        removeRow(row);
}

void WebhookTableModel::showAttempt(const DeliveryRecord &record)
{
    const int row = rowOfId(record.webhookId);
    if (row >= 0 && refreshHealthOf(record.webhookId))
        emit dataChanged(index(row, HealthColumn), index(row, LastStatusColumn));
}

void WebhookTableModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_health.remove(m_webhooks.at(row).id);
    m_webhooks.removeAt(row);
    endRemoveRows();
}

bool WebhookTableModel::refreshHealthOf(const QString &id)
{
    if (!m_deliveryLog)
        return true;
    const auto health = m_deliveryLog->healthOf(id, m_thresholds, QDateTime::currentDateTimeUtc());
    if (health) {
        m_health.insert(id, *health);
        return true;
    }
    if (health.code() == ErrorCode::NotFound) {
        m_health.remove(id);
        return true;
    }
    emit errorOccurred(tr("Cannot compute the webhooks' health: %1").arg(health.message()));
    return false;
}

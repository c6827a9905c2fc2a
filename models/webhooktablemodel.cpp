#include "models/webhooktablemodel.h"

#include "models/eventtype.h"
#include "models/webhookrepository.h"

#include <QIcon>
#include <QLocale>

WebhookTableModel::WebhookTableModel(WebhookRepository *repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
{
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
    Webhook &w = m_webhooks[index.row()];
    const bool active = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    if (active == w.active)
        return true;
    const RepositoryResult result = m_repository->setActive(w, active);
    if (!result.ok()) {
        emit errorOccurred(result.message);
        return false;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
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
    RepositoryResult result;
    const auto fresh = m_repository->all(&result);
    if (!fresh) {
        emit errorOccurred(result.message);
        return false;
    }
    // Remove rows that are gone, from the bottom so earlier row numbers stay valid.
    for (int row = int(m_webhooks.size()) - 1; row >= 0; --row) {
        const QString id = m_webhooks.at(row).id;
        const bool stillThere = std::any_of(fresh->begin(), fresh->end(), [&id](const Webhook &w) { return w.id == id; });
        if (!stillThere) {
            beginRemoveRows({}, row, row);
            m_webhooks.removeAt(row);
            endRemoveRows();
        }
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
    return true;
}

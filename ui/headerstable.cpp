// Editable list of custom HTTP headers (name, value), kept in the order the administrator entered them.
#include "ui/headerstable.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

HeadersTable::HeadersTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_addButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
{
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(0, 180);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(90);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_addButton, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0) {
            m_table->removeRow(row);
            emit headersChanged();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, &HeadersTable::headersChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(m_table->currentRow() >= 0); });
    m_removeButton->setEnabled(false);
    retranslate();
}

void HeadersTable::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_addButton->setText(tr("Add header"));
    m_removeButton->setText(tr("Remove"));
}

void HeadersTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HeadersTable::addRow(const QString &name, const QString &value)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
}

HeaderList HeadersTable::headers() const
{
    HeaderList headers;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        if (!name.isEmpty() || !value.isEmpty())
            headers.append({name, value});
    }
    return headers;
}

void HeadersTable::setHeaders(const HeaderList &headers)
{
    m_table->setRowCount(0);
    for (const auto &[name, value] : headers)
        addRow(name, value);
    emit headersChanged();
}

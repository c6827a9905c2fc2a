// Editable list of custom HTTP headers (name, value), kept in the order the administrator entered them.
#pragma once

#include "models/domain/webhook.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

class HeadersTable : public QWidget
{
    Q_OBJECT
public:
    explicit HeadersTable(QWidget *parent = nullptr);

    HeaderList headers() const;
    void setHeaders(const HeaderList &headers);
    QTableWidget *table() const { return m_table; }
    void addRow(const QString &name = {}, const QString &value = {});

signals:
    void headersChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QTableWidget *m_table;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
};

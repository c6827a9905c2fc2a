// A fresh database for delivery-bench in a PostgreSQL cluster whose maintenance URL is given; dropped again afterwards.
#pragma once

#include "models/storage/databaseurl.h"

#include <QString>

#include <optional>

class ScratchPostgres
{
public:
    explicit ScratchPostgres(const QString &clusterUrl);
    ~ScratchPostgres();
    std::optional<DatabaseUrl> url() const;

    bool keep = false;  // leave the filled database for measuring it again

private:
    bool onCluster(const QString &sql);

    DatabaseUrl m_cluster;
    QString m_name;
};

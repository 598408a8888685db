"""split account_metrics into daily partitions

Revision ID: 0012_split_account_metrics
Revises: 0011_add_tickets_30d
Create Date: 2024-06-11 09:42:17.118204
"""

from alembic import op

revision = "0012_split_account_metrics"
down_revision = "0011_add_tickets_30d"
branch_labels = None
depends_on = None

_PARTITIONS = ["2024_q1", "2024_q2", "2024_q3", "2024_q4"]


def upgrade() -> None:
    op.execute("ALTER TABLE account_metrics RENAME TO account_metrics_legacy")
    op.execute(
        "CREATE TABLE account_metrics (LIKE account_metrics_legacy INCLUDING ALL) PARTITION BY RANGE (snapshot_date)"
    )
    for suffix in _PARTITIONS:
        year, quarter = suffix.split("_")
        start_month = (int(quarter[1]) - 1) * 3 + 1
        op.execute(
            f"CREATE TABLE account_metrics_{suffix} PARTITION OF account_metrics "
            f"FOR VALUES FROM ('{year}-{start_month:02d}-01') TO ('{year}-{start_month:02d}-01'::date + interval '3 months')"
        )
    op.execute("INSERT INTO account_metrics SELECT * FROM account_metrics_legacy")
    op.execute("DROP TABLE account_metrics_legacy")


def downgrade() -> None:
    op.execute("CREATE TABLE account_metrics_legacy AS SELECT * FROM account_metrics")
    for suffix in _PARTITIONS:
        op.execute(f"DROP TABLE IF EXISTS account_metrics_{suffix}")
    op.execute("DROP TABLE account_metrics")
    op.execute("ALTER TABLE account_metrics_legacy RENAME TO account_metrics")

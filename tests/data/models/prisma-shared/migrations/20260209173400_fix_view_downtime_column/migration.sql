-- View Update: Fix missing downtime_seconds column

DROP VIEW IF EXISTS "productivity_intervals";
CREATE OR REPLACE VIEW "productivity_intervals" AS
WITH ranked_data AS (
    SELECT
        "id",
        "tenantId",
        "machineId",
        "operatorId",
        "operationId",
        "startTime",
        "endTime",
        "quantity",
        "timeToProduceSnapshot",
        "elapsedTime",
        "productionOrderId", -- Added in case needed, but kept compliant with previous columns
        -- Previous Row Values for Gap Detection (Local to Machine)
        LAG("machineId") OVER (PARTITION BY "machineId" ORDER BY "startTime") as prev_machine,
        LAG("operatorId") OVER (PARTITION BY "machineId" ORDER BY "startTime") as prev_operator,
        LAG("operationId") OVER (PARTITION BY "machineId" ORDER BY "startTime") as prev_operation,
        LAG("endTime") OVER (PARTITION BY "machineId" ORDER BY "startTime") as prev_end_time
    FROM "operation_register"
),
change_points AS (
    SELECT
        *,
        CASE
            -- Standard Grouping Triggers
            WHEN "operatorId" IS DISTINCT FROM prev_operator THEN 1
            WHEN "operationId" IS DISTINCT FROM prev_operation THEN 1
            -- Time Gap Trigger (> 3 minutes from previous end to current start)
            WHEN "prev_end_time" IS NOT NULL AND ("startTime" - "prev_end_time") > INTERVAL '3 minutes' THEN 1
            ELSE 0
        END as is_new_group
    FROM ranked_data
),
grouped_data AS (
    SELECT
        *,
        -- Generate a unique Group ID per partition (cumulative sum of flags)
        SUM(is_new_group) OVER (PARTITION BY "machineId" ORDER BY "startTime") as group_id
    FROM change_points
),
aggregated_groups AS (
    SELECT
        -- Deterministic unique ID for the View
        "machineId",
        "group_id"::integer as "sequence_id",
        
        -- Aggregates
        MIN("startTime") as "group_start_timestamp",
        MAX("endTime") as "group_end_timestamp",
        "operatorId" as "operator_id",
        "operationId" as "operation_id",
        COUNT(*)::integer as "record_count",
        SUM("quantity")::integer as "total_quantity",
        
        -- Time Metrics
        SUM("elapsedTime")::bigint as "sum_operation_elapsed_time", -- Original logic kept as reference if needed, but not exposed as main metric
        EXTRACT(EPOCH FROM (MAX("endTime") - MIN("startTime")))::float as "gross_duration_seconds",
        
        -- Metadata
        MAX("timeToProduceSnapshot") as "time_to_produce_snapshot",
        
        -- Tenant scope
        "tenantId"
    FROM grouped_data
    GROUP BY "tenantId", "machineId", "operatorId", "operationId", "group_id"
),
groups_with_downtime AS (
    SELECT
        ag.*,
        (
            SELECT COALESCE(SUM("elapsedTime"), 0)
            FROM "downtime_event" de
            WHERE de."machine_id" = ag."machineId"
              AND de."start_time" >= ag."group_start_timestamp"
              AND de."end_time" <= ag."group_end_timestamp"
        )::float / 1000.0 as "downtime_seconds"
    FROM aggregated_groups ag
)
SELECT
    "machineId",
    "sequence_id",
    "group_start_timestamp",
    "group_end_timestamp",
    "operator_id",
    "operation_id",
    "record_count",
    "total_quantity",
    
    -- NEW: Time Metrics
    ("gross_duration_seconds" - "downtime_seconds")::float as "total_elapsed_time", -- Net Time in Seconds
    "gross_duration_seconds" as "total_duration",
    
    -- Efficiency Calculation
    CASE 
        WHEN ("gross_duration_seconds" - "downtime_seconds") <= 0.001 THEN 0 -- Avoid div by zero or negative
        ELSE (
            ("total_quantity" * "time_to_produce_snapshot")::float 
            / 
            ("gross_duration_seconds" - "downtime_seconds")
        ) * 100 -- Percentage
    END as "efficiency_percentage",
    
    "time_to_produce_snapshot",
    "downtime_seconds",
    "tenantId"
FROM groups_with_downtime;

-- Manual Migration: Add Column and View
-- Addresses drift and implements productivity feature

-- 1. Add Column (Idempotent)
ALTER TABLE "public"."operation_register" ADD COLUMN IF NOT EXISTS "timeToProduceSnapshot" INTEGER;

-- 2. Create View
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
        -- Previous Row Values for Gap Detection
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
            -- Time Gap Trigger (> 10 hours from previous end to current start)
            WHEN "prev_end_time" IS NOT NULL AND ("startTime" - "prev_end_time") > INTERVAL '10 hours' THEN 1
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
)
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
    
    -- Efficiency Calculation
    CASE 
        WHEN EXTRACT(EPOCH FROM (MAX("endTime") - MIN("startTime"))) = 0 THEN 0
        ELSE (
            (SUM("quantity") * MAX("timeToProduceSnapshot"))::float 
            / 
            EXTRACT(EPOCH FROM (MAX("endTime") - MIN("startTime")))
        ) * 100 -- Percentage
    END as "efficiency_percentage",
    
    -- Metadata
    MAX("timeToProduceSnapshot") as "time_to_produce_snapshot",
    
    -- Tenant scope
    "tenantId"
FROM grouped_data
GROUP BY "tenantId", "machineId", "operatorId", "operationId", "group_id";

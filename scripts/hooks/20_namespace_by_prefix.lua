-- 20_namespace_by_prefix.lua: puts each topic and group in the namespace of its business line.
--
-- The business line is the name's first word: `mro_order_created` -> namespace `mro`,
-- `GID_mro_billing` (a group; the `GID_` prefix is skipped) -> `mro`. Names of unknown lines
-- keep the planner's default namespace. Retry and dead-letter topics (`%RETRY%GID_x`,
-- `%DLQ%GID_x`) follow their group.
--
-- Add your business lines to LINES.

local LINES = { mro = true, pay = true, wms = true, crm = true, tms = true, oms = true }

local function line_of(name)
    local bare = string.gsub(name, "^%%%u+%%", "")   -- %RETRY%GID_x -> GID_x
    bare = string.gsub(bare, "^GID_", "")
    local prefix = string.match(bare, "^(%l+)_")
    if prefix and LINES[prefix] then
        return prefix
    end
    return nil
end

function map(resource)
    local namespace = line_of(resource.name)
    if namespace == nil then
        return {}
    end
    return { namespace = namespace }
end

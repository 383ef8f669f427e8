-- One sentence may hold two forecasts; a second forecast logged from the same quote of the same paper says so
-- (same_quote_as: the forecast logged first from it). Without that, the same quote logged twice is a duplicate
-- and refused.
alter table forecast add column same_quote_as bigint references forecast (id);

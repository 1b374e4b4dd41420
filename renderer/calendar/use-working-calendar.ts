// The working-day calendar the core uses (shipped, or newer from HQ), for screens that count
// deadlines as the officer types (the preservation editor). Asked for on mount: a table HQ
// published and a sync received is used from the next screen on.
import { useEffect, useMemo, useState } from 'react';
import { createWorkingCalendar, type WorkingCalendar } from '../../shared/calendar/working-calendar.ts';
import type { CalendarInfo } from '../../shared/deadlines/deadline-api.ts';
import { useApi } from '../app/api-context.tsx';

export function useWorkingCalendar(): { calendar: WorkingCalendar | null; info: CalendarInfo | null } {
  const { run } = useApi();
  const [info, setInfo] = useState<CalendarInfo | null>(null);
  useEffect(() => {
    let live = true;
    void run('calendar.get', {}, { quiet: true }).then((r) => {
      if (live && r.ok) setInfo(r.value);
    });
    return () => {
      live = false;
    };
  }, [run]);
  const calendar = useMemo(() => (info ? createWorkingCalendar(info.data) : null), [info]);
  return { calendar, info };
}

"use client";

import { useEffect, useState } from "react";

type Props = {
  latitude: number;
  longitude: number;
  label?: string;
};

type Current = { temperature_2m: number; time: string };

export default function WeatherCard({ latitude, longitude, label }: Props) {
  const [current, setCurrent] = useState<Current | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(
      `https://api.open-meteo.com/v1/forecast?latitude=${latitude}&longitude=${longitude}&current=temperature_2m`,
      { signal: controller.signal },
    )
      .then((r) => r.json())
      .then((data) => setCurrent(data.current))
      .catch((e) => {
        if (e.name !== "AbortError") setError(String(e));
      });
    return () => controller.abort();
  }, [latitude, longitude]);

  if (error) return <div className="text-sm text-red-500">Weather unavailable</div>;
  if (!current) return <div className="h-20 animate-pulse rounded-xl bg-muted" />;

  return (
    <div className="flex flex-col gap-1 rounded-2xl bg-blue-400 p-4 text-white">
      <span className="text-xs opacity-80">{label ?? `${latitude.toFixed(2)}, ${longitude.toFixed(2)}`}</span>
      <span className="text-4xl font-medium">{Math.round(current.temperature_2m)}°C</span>
      <span className="text-xs opacity-70">{new Date(current.time).toLocaleTimeString()}</span>
    </div>
  );
}

'use client';

export { DashboardError as default } from '@/components/shell/dashboard-error';

import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Your role does not include this page. Ask an owner if you need it.</p>
      <Link href="/" className="mt-6 inline-block font-medium underline">Back to the overview</Link>
    </main>
  );
}

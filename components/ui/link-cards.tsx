import Link from 'next/link';

/** A grid of cards, each a link to one part of the app with a line saying what is there. */
export function LinkCards({ cards }: { cards: { href: string; title: string; text: string }[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {cards.map((card) => (
        <li key={card.href}>
          <Link
            href={card.href}
            className="block h-full rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
          >
            <h2 className="font-semibold text-slate-900">{card.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{card.text}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}

// The binding verdict's wire shape lives with the risk engine that computes it; pages import it from here.
export { bindingView, type BindingView } from '@/lib/risk/binding-view';

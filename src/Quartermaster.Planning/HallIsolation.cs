namespace Quartermaster.Planning;

/// <summary>
/// The <c>dedicated-hall</c> rule. Not enforced yet: a book where the rule could bind is refused
/// rather than planned as if it did not exist.
/// </summary>
internal static class HallIsolation
{
    /// <summary>
    /// Throws when some dedicated-hall contract's tenant has a rival (another tenant of its rivalry group)
    /// that holds contracts; without a rival with contracts the rule cannot bind and the book is planned.
    /// </summary>
    /// <exception cref="PlanningException">The rule could bind.</exception>
    public static void ThrowIfUnsupported(Book book)
    {
        var groupOf = book.Tenants.ToDictionary(t => t.Id, t => t.RivalryGroup, StringComparer.Ordinal);
        var tenantsWithContracts = book.Contracts.Select(c => c.Tenant).ToHashSet(StringComparer.Ordinal);
        foreach (var contract in book.Contracts.Where(c => c.Isolation == Isolation.DedicatedHall).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var group = groupOf.GetValueOrDefault(contract.Tenant);
            if (group is null)
            {
                continue;
            }
            var rival = book.Tenants.FirstOrDefault(t => t.RivalryGroup == group && t.Id != contract.Tenant && tenantsWithContracts.Contains(t.Id));
            if (rival is not null)
            {
                throw new PlanningException(
                    $"contract '{contract.Id}' asks for a dedicated hall away from rival '{rival.Id}' (rivalry group '{group}'); " +
                    "dedicated-hall isolation is not supported by the planner yet: mark the contract 'shared' or remove the rivalry");
            }
        }
    }
}

using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>A book version with the size of its book.</summary>
/// <param name="Version">The version.</param>
/// <param name="HorizonStart">First month planned.</param>
/// <param name="HorizonEnd">Last month planned.</param>
/// <param name="Sites">Number of sites.</param>
/// <param name="Tenants">Number of tenants.</param>
/// <param name="Contracts">Number of contracts.</param>
/// <param name="Investments">Number of investments.</param>
public sealed record BookOverview(BookVersion Version, string HorizonStart, string HorizonEnd, int Sites, int Tenants, int Contracts, int Investments);

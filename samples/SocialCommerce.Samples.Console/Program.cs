using System;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Network;

// A small referral network: Alice invited Bob, Bob invited Carol.
var start = Instant.FromUtc(2026, 11, 1, 9, 0);
var network = new ReferralNetwork(BindingPolicy.RebindAfter(Duration.FromDays(30)));
var alice = new MemberId(1);
var bob = new MemberId(2);
var carol = new MemberId(3);
network.AddMember(alice, start);
network.AddMember(bob, alice, start + Duration.FromHours(1));
network.AddMember(carol, bob, start + Duration.FromHours(2));

Console.WriteLine($"Carol's upline: {string.Join(" -> ", network.GetUpline(carol, 3))} (depth {network.GetDepth(carol)})");

// Split a sale's ¥199.00 commission pool 10 : 5 across two levels, exactly.
var pool = new Money(29.85m, Currency.CNY);
var parts = pool.Allocate([10m, 5m]);
Console.WriteLine($"Pool {pool} split 10:5 -> {parts[0]} + {parts[1]}");

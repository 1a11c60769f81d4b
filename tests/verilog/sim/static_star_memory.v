// `always @*` blocks reading memory words (constant and variable indices) run by level in the
// static schedule: writes of other words must not show as events, and a watcher of the
// outputs sees the same changes, in the same order, as under the event scheduler.
module top;
  reg [7:0] mem [0:7];
  reg [2:0] sel;
  reg [7:0] sum, pick;
  integer changes = 0, picks = 0, i;
  always @* begin : adder
    reg [7:0] t;
    t = mem[0] + mem[1];
    sum = t ^ mem[5];
  end
  always @* pick = mem[sel];
  always @(sum) begin changes = changes + 1; $display("%0t sum=%h", $time, sum); end
  always @(pick) begin picks = picks + 1; $display("%0t pick=%h", $time, pick); end
  initial begin
    for (i = 0; i < 8; i = i + 1) mem[i] = i;
    sel = 3;
    #1 mem[2] = 8'h40;   // read by nothing
    #1 mem[3] = 8'h33;   // pick only
    #1 mem[0] = 8'h10;   // sum only
    #1 sel = 2;          // pick
    #1 mem[7] = 8'h77; mem[6] = 8'h66; // nothing
    #1 mem[1] = 8'h01; mem[5] = 8'h10; // sum changes, then back
    #1 mem[5] = 8'h05;
    #1 $display("changes=%0d picks=%0d sum=%h pick=%h", changes, picks, sum, pick);
    $finish;
  end
endmodule

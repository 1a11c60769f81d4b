// An NBA update that changes a variable wakes processes waiting on it in the same slot (a new active iteration).
module top;
  reg [3:0] q;
  reg go;
  initial begin
    go = 0;
    #1 q <= 4;
    $display("%0t scheduled q=%0d", $time, q);
  end
  always @(q) $display("%0t saw q=%0d", $time, q);
  always @(posedge go) begin
    $display("%0t go", $time);
  end
  initial #2 go <= 1;
endmodule

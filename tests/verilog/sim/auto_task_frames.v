// Automatic tasks: each activation has its own variables, which survive suspension; two
// processes and fork branches run the same task at once.
module top;
  reg clk = 0;
  always #5 clk = ~clk;

  task automatic worker(input [7:0] id, input integer n, output [15:0] sum);
    integer i;
    reg [15:0] acc;
    begin
      acc = 0;
      for (i = 0; i < n; i = i + 1) begin
        @(posedge clk);
        #(id);
        acc = acc + id;
        $display("%0t worker %0d step %0d acc=%0d", $time, id, i, acc);
      end
      sum = acc;
    end
  endtask

  task automatic delayed(input integer d, input [7:0] tag);
    reg [7:0] mine;
    begin
      mine = tag;
      #d;
      $display("%0t delayed tag=%0d mine=%0d", $time, tag, mine);
    end
  endtask

  // Waits on a change of one of its own variables (set by a nested fork branch).
  task automatic handshake(input [3:0] v);
    reg [3:0] flag;
    begin
      flag = 0;
      fork
        begin #(v) flag = v; end
        begin wait (flag == v); $display("%0t handshake %0d seen", $time, v); end
      join
    end
  endtask

  reg [15:0] r1, r2, r3;
  initial begin
    worker(8'd1, 3, r1);
    $display("%0t r1=%0d", $time, r1);
  end
  initial begin
    #2 worker(8'd10, 2, r2);
    $display("%0t r2=%0d", $time, r2);
  end
  initial begin
    #50;
    fork
      delayed(7, 8'd1);
      delayed(3, 8'd2);
      begin worker(8'd3, 2, r3); $display("%0t r3=%0d", $time, r3); end
    join
    fork
      handshake(4'd5);
      handshake(4'd9);
    join
    #1 $finish;
  end
endmodule
